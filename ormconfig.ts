import 'reflect-metadata';
import { loadConfig } from './src/platform/config/config';
import { createDataSource } from './src/app/data-source';
import { embeddedDatabaseUrl } from './src/platform/database/embedded-postgres';
import { configureDataProtection } from './src/platform/security/taxpayer-data-cipher';

/**
 * The DataSource for the TypeORM migration CLI (`npm run migration:*`). Without DATABASE_URL it
 * targets the embedded PostgreSQL, which `npm start` keeps running.
 */
const config = loadConfig();
configureDataProtection(config.dataProtection);
export default createDataSource(config.databaseUrl ?? embeddedDatabaseUrl(config.embeddedPostgresPort));
