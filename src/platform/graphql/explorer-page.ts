import express, { NextFunction, Request, Response, Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the explorer's files are served (its Vite `base`, web/explorer/vite.config.mts). */
const EXPLORER_ASSETS = '/explorer/assets';

/**
 * GraphiQL's page: scripts, workers and fonts from this origin only and no inline script. Monaco (GraphiQL's editor)
 * writes its styles into the page at run time and GraphiQL's stylesheet carries its fonts and icons as data: URLs,
 * so inline styles and data: images and fonts are allowed here (not on the console).
 */
export const EXPLORER_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "worker-src 'self'; connect-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

function headers(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  next();
}

/** A browser opening /graphql (not a client sending an operation by GET). */
function isBrowserVisit(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html') && !('query' in req.query);
}

/**
 * GraphiQL, built from web/explorer by `npm run build` into `directory`: its page for a browser opening GET /graphql
 * (operations, by POST or GET, go on to Apollo) and its hashed files under /explorer/assets. Mounted only where the
 * explorer is enabled, so elsewhere neither exists.
 */
export function explorerRoutes(directory: string): Router {
  const router = Router();
  const page = join(directory, 'index.html');
  router.use(
    EXPLORER_ASSETS,
    headers,
    express.static(join(directory, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  router.get('/graphql', (req, res, next) => {
    if (!isBrowserVisit(req)) return next();
    headers(req, res, () => undefined);
    if (!existsSync(page)) {
      res.status(503).type('text/plain').send('GraphiQL is not built: run `npm run build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page);
  });
  return router;
}
