import { EntitySubscriberInterface, EventSubscriber, InsertEvent } from 'typeorm';
import { CommitWriter, insertAtCommit, TailInsert } from '../database/transaction-tail';
import { AuditKind, AuditOutcome } from './access-audit.entity';
import { MutationAuditContext, mutationAuditContext } from './audit-context';

/** An entity class, as TypeORM's metadata names it. */
type EntityClass = abstract new (...args: never[]) => unknown;

/** Items whose creation is worth naming in the audit row: each module's, registered by the app. */
const auditedEntities = new Set<EntityClass>();

export function auditCreationsOf(entities: readonly EntityClass[]): void {
  entities.forEach((entity) => auditedEntities.add(entity));
}

/** Collects the ids of audited items a mutation inserts, for its audit row (mutationAuditRow). */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    const context = mutationAuditContext.getStore();
    const entity = event.entity as { id?: unknown } | undefined;
    if (context && entity && auditedEntities.has(event.metadata.target as EntityClass) && typeof entity.id === 'string') {
      context.itemIds.add(entity.id);
    }
  }
}

/** An allowed mutation's audit row, as the transaction tail inserts it. */
type MutationAuditRow = Omit<MutationAuditContext, 'itemIds' | 'written'> & { at: Date; itemIds: string[] };

const MUTATION_AUDIT_INSERT: TailInsert<MutationAuditRow> = {
  sql: (parameter, rows) =>
    `INSERT INTO access_audit (at, actor_id, kind, operation, item_ids, fields, request_id, client_address, outcome)
     VALUES ${rows
       .map((row) =>
         [
           row.at,
           row.actorId,
           AuditKind.MUTATION,
           row.operation,
           row.itemIds,
           row.fields,
           row.requestId,
           row.clientAddress,
           AuditOutcome.ALLOWED,
         ]
           .map(parameter)
           .join(', '),
       )
       .map((values) => `(${values})`)
       .join(', ')}`,
};

/**
 * The mutation's audit row, written with the mutation's transaction as it commits (a commit writer of the
 * transaction tail): a rolled-back change leaves no audit row, and a committed change always has one.
 */
export const mutationAuditRow: CommitWriter = async (manager) => {
  const context = mutationAuditContext.getStore();
  if (!context || context.written) return;
  context.written = true;
  const { itemIds, written: _written, ...row } = context;
  await insertAtCommit(manager, MUTATION_AUDIT_INSERT, [{ ...row, at: new Date(), itemIds: [...itemIds] }]);
};
