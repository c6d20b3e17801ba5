import { DataSource } from 'typeorm';
import { toCsv } from '../common/csv';
import { InvalidInputError } from '../common/errors';
import { AccessAuditEntry, AuditKind, AuditOutcome } from './access-audit.entity';

export interface AuditFilter {
  actorId?: string | null;
  itemId?: string | null;
  operation?: string | null;
  kind?: AuditKind | null;
  outcome?: AuditOutcome | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditedRequest {
  actorId: string;
  requestId: string;
  clientAddress: string;
}

/**
 * Records reads, unmasking and refusals, and lists the audit for admins and auditors. Allowed mutations are
 * recorded by AuditSubscriber. A row written here is its own statement, outside any (rolled-back) transaction.
 */
export class AccessAuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    request: AuditedRequest,
    kind: AuditKind,
    operation: string,
    itemIds: string[],
    fields: string[],
    outcome: AuditOutcome = AuditOutcome.ALLOWED,
  ): Promise<void> {
    await this.dataSource.manager.insert(AccessAuditEntry, { at: new Date(), kind, operation, itemIds, fields, outcome, ...request });
  }

  async list(filter: AuditFilter, first: number): Promise<AccessAuditEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > 5000) throw InvalidInputError.single('first', 'must be between 1 and 5000');
    const query = this.dataSource.manager.createQueryBuilder(AccessAuditEntry, 'a');
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.itemId) query.andWhere('a.item_ids @> ARRAY[:itemId]::text[]', { itemId: filter.itemId });
    if (filter.operation) query.andWhere('a.operation = :operation', { operation: filter.operation });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.outcome) query.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    return query.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(first).getMany();
  }

  async csv(filter: AuditFilter, first: number): Promise<string> {
    return toCsv(
      [
        { header: 'at', value: (a: AccessAuditEntry) => a.at.toISOString() },
        { header: 'actor_id', value: (a) => a.actorId },
        { header: 'kind', value: (a) => a.kind },
        { header: 'operation', value: (a) => a.operation },
        { header: 'item_ids', value: (a) => a.itemIds.join(' ') },
        { header: 'fields', value: (a) => a.fields.join(' ') },
        { header: 'request_id', value: (a) => a.requestId },
        { header: 'client_address', value: (a) => a.clientAddress },
        { header: 'outcome', value: (a) => a.outcome },
      ],
      await this.list(filter, first),
    );
  }
}
