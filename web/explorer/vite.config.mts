import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// GraphiQL, built into dist/explorer; the hub serves its page at GET /graphql and its files under /explorer/
// (src/platform/graphql/explorer-page.ts). Every asset and Monaco's workers become files of their own, so the page's
// Content-Security-Policy allows scripts from this origin only.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      // GraphiQL's UI libraries mark their modules "use client" (for React Server Components), which a plain page ignores.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
