import { Express } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/common/clock';
import { AppConfig } from '../../platform/config/config';
import { consoleRoutes } from './console-routes';
import { DEV_SIGN_IN_PATH, devSignInRoutes } from './dev-sign-in';

/** What the sign-in page offers: the demo list (never in production) and/or the OIDC provider. */
export const SIGN_IN_OPTIONS_PATH = '/sign-in-options';

/** The web console beside /graphql: how to sign in, the development sign-in (never in production), the built pages. */
export function mountConsole(app: Express, options: { config: AppConfig; dataSource: DataSource; clock: Clock }): void {
  const { config } = options;
  const development = config.environment !== 'production';
  const { oidc } = config.console;
  app.get(SIGN_IN_OPTIONS_PATH, (_req, res) => {
    res.json({ development, oidc });
  });
  if (development) app.use(DEV_SIGN_IN_PATH, devSignInRoutes({ auth: config.auth, dataSource: options.dataSource, clock: options.clock }));
  app.use(consoleRoutes(config.console.directory, oidc ? new URL(oidc.issuer).origin : null));
}
