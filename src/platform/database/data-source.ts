import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { ENTITIES } from '../../app/entities';

export interface DataSourceOptions {
  /** e.g. a statement counter in tests */
  logger?: Logger;
  poolSize?: number;
  /** Per-connection limits in ms (0 or absent: none). */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/** The one DataSource shape used by the app, the migration CLI (ormconfig.ts) and the tests. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [AuditSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; the schema is created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: options.logger ? ['query'] : false,
    logger: options.logger,
    extra: {
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs || undefined,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs || undefined,
    },
  });
}
