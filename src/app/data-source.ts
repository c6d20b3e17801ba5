import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { auditCreationsOf, AuditSubscriber, mutationAuditRow } from '../platform/audit/audit.subscriber';
import { writeAtEveryCommit } from '../platform/database/transaction-tail';
import { createPostgresDataSource, DataSourceOptions } from '../platform/database/data-source';
import { AUDITED_ENTITIES, ENTITIES } from './entities';

auditCreationsOf(AUDITED_ENTITIES);
writeAtEveryCommit(mutationAuditRow);

/** The hub's DataSource, used by the app, the migration CLI (ormconfig.ts), the scripts and the tests. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return createPostgresDataSource({ entities: ENTITIES, subscribers: [AuditSubscriber], migrations: MIGRATIONS }, url, options);
}
