import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CsvColumn, CsvExport } from '../common/csv';
import { streamQuery } from '../database/query-stream';
import { keysetPage, Order, Page, PageRequest, SortDirection, SortKey } from '../database/keyset-page';
import { AccessAuditEntry, AuditKind, AuditOutcome } from './access-audit.entity';
import { insertEntity } from '../database/entity-insert';

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

/** Largest page of the audit over GraphQL (one page is processed in one go); the download has no limit. */
export const MAX_AUDIT_PAGE = 1000;

/** The orders the access audit can be read in. */
export enum AuditSortField {
  AT = 'AT',
}

const AUDIT_SORT_KEYS: Record<AuditSortField, SortKey> = {
  AT: { name: 'AT', columns: [{ expression: 'a.at', sqlType: 'timestamptz' }], idSqlType: 'bigint' },
};

export const NEWEST_AUDIT_FIRST: Order<AuditSortField> = { field: AuditSortField.AT, direction: SortDirection.DESC };

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
    // Every audited request writes one: with the statement's text built once (TypeORM's insert rebuilds it each time).
    const { manager } = this.dataSource;
    const entry = manager.create(AccessAuditEntry, { at: new Date(), kind, operation, itemIds, fields, outcome, ...request });
    await insertEntity(manager, AccessAuditEntry, entry);
  }

  list(filter: AuditFilter, order: Order<AuditSortField>, page: PageRequest): Promise<Page<AccessAuditEntry>> {
    return keysetPage(this.filtered(filter), { key: AUDIT_SORT_KEYS[order.field], direction: order.direction }, page, MAX_AUDIT_PAGE);
  }

  /** The whole filtered audit, newest first, read through a cursor for the CSV download. */
  async exportRows(filter: AuditFilter): Promise<CsvExport<RawAuditRow>> {
    return { columns: AUDIT_CSV_COLUMNS, rows: await streamQuery(this.dataSource, this.filtered(filter).getQueryAndParameters()) };
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AccessAuditEntry> {
    const query = this.dataSource.manager.createQueryBuilder(AccessAuditEntry, 'a');
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.itemId) query.andWhere('a.item_ids @> ARRAY[:itemId]::text[]', { itemId: filter.itemId });
    if (filter.operation) query.andWhere('a.operation = :operation', { operation: filter.operation });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.outcome) query.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    return query.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
  }
}

/** An access_audit row as the cursor reads it (TypeORM's `alias_column` names). */
interface RawAuditRow {
  a_at: Date;
  a_actor_id: string | null;
  a_kind: string;
  a_operation: string;
  a_item_ids: string[];
  a_fields: string[];
  a_request_id: string;
  a_client_address: string;
  a_outcome: string;
}

const AUDIT_CSV_COLUMNS: CsvColumn<RawAuditRow>[] = [
  { header: 'at', value: (a) => a.a_at.toISOString() },
  { header: 'actor_id', value: (a) => a.a_actor_id },
  { header: 'kind', value: (a) => a.a_kind },
  { header: 'operation', value: (a) => a.a_operation },
  { header: 'item_ids', value: (a) => a.a_item_ids.join(' ') },
  { header: 'fields', value: (a) => a.a_fields.join(' ') },
  { header: 'request_id', value: (a) => a.a_request_id },
  { header: 'client_address', value: (a) => a.a_client_address },
  { header: 'outcome', value: (a) => a.a_outcome },
];
