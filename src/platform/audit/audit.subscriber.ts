import { EntitySubscriberInterface, EventSubscriber, InsertEvent, TransactionCommitEvent } from 'typeorm';
import { AccessAuditEntry, AuditKind } from './access-audit.entity';
import { mutationAuditContext } from './audit-context';

/** Items whose creation is worth naming in the audit row: each module's, registered by the app. */
const auditedEntities = new Set<Function>();

export function auditCreationsOf(entities: readonly Function[]): void {
  entities.forEach((entity) => auditedEntities.add(entity));
}

/**
 * Writes a mutation's audit row inside the mutation's own transaction, just before it commits: a
 * rolled-back change leaves no audit row, and a committed change always has one.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    const context = mutationAuditContext.getStore();
    const entity = event.entity as { id?: unknown } | undefined;
    if (context && entity && auditedEntities.has(event.metadata.target as Function) && typeof entity.id === 'string') {
      context.itemIds.add(entity.id);
    }
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const context = mutationAuditContext.getStore();
    if (!context || context.written) return;
    context.written = true;
    await event.queryRunner.manager.insert(AccessAuditEntry, {
      at: new Date(),
      actorId: context.actorId,
      kind: AuditKind.MUTATION,
      operation: context.operation,
      itemIds: [...context.itemIds],
      fields: context.fields,
      requestId: context.requestId,
      clientAddress: context.clientAddress,
    });
  }
}
