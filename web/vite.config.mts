import { fileURLToPath } from 'node:url';
import purgeCss from '@fullhuman/postcss-purgecss';
import { defineConfig, type Plugin } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web fonts every page's text is set in (USWDS's Source Sans Pro, regular and bold). */
const PAGE_FONTS = /^assets\/sourcesanspro-(regular|bold)-webfont-[^/]+\.woff2$/;

/**
 * Asks the browser for the fonts with the page instead of once its first layout finds them in the stylesheet, so a
 * first visit lays its text out once, not again when they arrive.
 */
function preloadFonts(): Plugin {
  return {
    name: 'hub-preload-fonts',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const fonts = Object.keys(bundle ?? {}).filter((file) => PAGE_FONTS.test(file));
        if (fonts.length !== 2)
          throw new Error(`expected USWDS's regular and bold Source Sans Pro in the build, found ${fonts.join(', ') || 'none'}`);
        return fonts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

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
  plugins: [preloadFonts()],
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
