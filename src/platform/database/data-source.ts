import { DataSource, DataSourceOptions as TypeOrmOptions, Logger } from 'typeorm';
import { PreparingClient } from './prepared-statements';
import { TransactionTailSubscriber } from './transaction-tail';

export interface DataSourceOptions {
  /** e.g. a statement counter in tests */
  logger?: Logger;
  poolSize?: number;
  /** Per-connection limits in ms (0 or absent: none). */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/** What lives in the database: handed in by the app, which knows every module's entities. */
export type DatabaseSchema = Required<Pick<TypeOrmOptions, 'entities' | 'subscribers' | 'migrations'>>;

/** The one DataSource shape (app/data-source.ts gives it the hub's entities and migrations). */
export function createPostgresDataSource(schema: DatabaseSchema, url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    ...schema,
    subscribers: [...Object.values(schema.subscribers), TransactionTailSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; the schema is created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: options.logger ? ['query'] : false,
    logger: options.logger,
    extra: {
      Client: PreparingClient,
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs || undefined,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs || undefined,
    },
  });
}
