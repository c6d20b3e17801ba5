import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';
import { embeddedDatabaseUrl } from './src/db/embedded-postgres';
import { configureDataProtection } from './src/security/taxpayer-data-cipher';

/**
 * The DataSource for the TypeORM migration CLI (`npm run migration:*`). Without DATABASE_URL it
 * targets the embedded PostgreSQL, which `npm start` keeps running.
 */
const config = loadConfig();
configureDataProtection(config.dataProtection);
export default createDataSource(config.databaseUrl ?? embeddedDatabaseUrl(config.embeddedPostgresPort));
