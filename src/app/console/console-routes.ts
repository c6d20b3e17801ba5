import express, { NextFunction, Request, Response, Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The console's only source of code, styles, fonts and images is this origin: no inline script or style, no CDN,
 * no framing. Sent with every console file (the API answers JSON and needs none). With OIDC sign-in the console
 * also talks to the provider (discovery and the token request), and to nothing else.
 */
export function consoleContentSecurityPolicy(providerOrigin: string | null = null): string {
  const connect = providerOrigin ? `; connect-src 'self' ${providerOrigin}` : '';
  return `default-src 'self'${connect}; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'`;
}

function securityHeaders(policy: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('content-security-policy', policy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  };
}

/** A browser navigating (not a script fetching): only those get the page shell for a client route. */
function isNavigation(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

/**
 * The built console (`npm run build` writes it to `directory`): hashed assets cached for good, and for any other
 * navigation (a notice's `/referrals/<id>`, `/work-queue`, …) the page shell, whose router shows the page.
 * Mounted after the API routes, so it only sees what they did not answer.
 */
export function consoleRoutes(directory: string, providerOrigin: string | null): Router {
  const router = Router();
  const shell = join(directory, 'index.html');
  router.use(securityHeaders(consoleContentSecurityPolicy(providerOrigin)));
  router.use('/assets', express.static(join(directory, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(directory, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    if (!isNavigation(req)) return next();
    if (!existsSync(shell)) {
      res.status(503).type('text/plain').send('The web console is not built: run `npm run build`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(shell);
  });
  return router;
}
