import { Express } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config';
import { consoleRoutes } from './console-routes';
import { DEV_SIGN_IN_PATH, devSignInRoutes } from './dev-sign-in';

/** The web console beside /graphql: the development sign-in (never in production), then the built pages. */
export function mountConsole(app: Express, options: { config: AppConfig; dataSource: DataSource; clock: Clock }): void {
  const { config } = options;
  if (config.environment !== 'production') app.use(DEV_SIGN_IN_PATH, devSignInRoutes({ auth: config.auth, dataSource: options.dataSource, clock: options.clock }));
  app.use(consoleRoutes(config.console.directory));
}
