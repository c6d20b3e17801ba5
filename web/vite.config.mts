import { fileURLToPath } from 'node:url';
import purgeCss from '@fullhuman/postcss-purgecss';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The console is built into dist/web, which the hub serves at `/` (src/console). Every asset becomes a file of
// its own (no data: URLs), so the hub's Content-Security-Policy `default-src 'self'` holds for fonts and icons too.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  css: {
    postcss: {
      plugins: [
        // USWDS ships every component and utility class (about 520 KB); the console keeps the rules whose classes its
        // pages name, so a first visit parses a fraction of it. A class built at run time must be listed here.
        purgeCss({
          content: [source('index.html'), source('src/**/*.{ts,tsx}')],
          // Radio and checkbox rules pair a class with `[class*=__label]`, which PurgeCSS cannot match in the source.
          safelist: { standard: [/^usa-alert--/], greedy: [/^usa-(radio|checkbox)/] },
          variables: true,
          keyframes: true,
          fontFace: true,
        }),
      ],
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rolldownOptions: {
      // react-router marks its modules "use client" (for React Server Components), which a plain SPA ignores.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  // `npm run console:dev`: the console with hot reload on :5173, the API of a running hub (npm start) behind it.
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/dev-sign-in': 'http://127.0.0.1:4000', '/exports': 'http://127.0.0.1:4000' },
  },
});
