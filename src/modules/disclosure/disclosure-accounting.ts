import { DataSource, EntityManager } from 'typeorm';
import { CsvColumn, CsvExport } from '../../platform/common/csv';
import { streamQuery } from '../../platform/database/query-stream';
import { InvalidInputError } from '../../platform/common/errors';
import { checkPageSize } from '../../platform/common/page-size';
import { taxpayerDataCipher } from '../../platform/security/taxpayer-data-cipher';
import { DisclosureAccountingEntry } from './disclosure-accounting.entity';

/** Largest page of the accounting query (the CSV download has all of it). */
export const MAX_ACCOUNTING_PAGE = 1000;

export type AccountingFact = Omit<DisclosureAccountingEntry, 'id'>;

/** A disclosure_accounting row as the cursor reads it (TypeORM's `alias_column` names). */
interface RawAccountingRow {
  d_disclosed_at: Date;
  d_kind: string;
  d_source_reference: string;
  d_recipient: string;
  d_information: string[];
  d_authority: string;
  d_disclosed_by_id: string;
}

const ACCOUNTING_CSV_COLUMNS: readonly CsvColumn<RawAccountingRow>[] = [
  { header: 'disclosedAt', value: (r) => r.d_disclosed_at.toISOString() },
  { header: 'kind', value: (r) => r.d_kind },
  { header: 'reference', value: (r) => r.d_source_reference },
  { header: 'recipient', value: (r) => r.d_recipient },
  { header: 'information', value: (r) => r.d_information.join('; ') },
  { header: 'authority', value: (r) => r.d_authority },
  { header: 'disclosedById', value: (r) => r.d_disclosed_by_id },
];

/**
 * The accounting of disclosures outside the IRS (append-only: the database refuses changes): written in the
 * transaction of the disclosure itself, read by the keyed hash of the taxpayer's TIN.
 */
export class DisclosureAccounting {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, fact: AccountingFact): Promise<void> {
    await manager.insert(DisclosureAccountingEntry, fact);
  }

  /** What was disclosed about the taxpayer with this TIN, oldest first. */
  forTin(tin: string, first: number): Promise<DisclosureAccountingEntry[]> {
    return this.query(tin).limit(checkPageSize(first, MAX_ACCOUNTING_PAGE)).getMany();
  }

  async exportRows(tin: string): Promise<CsvExport<RawAccountingRow>> {
    return { columns: ACCOUNTING_CSV_COLUMNS, rows: await streamQuery(this.dataSource, this.query(tin).getQueryAndParameters()) };
  }

  private query(tin: string) {
    if (!/[0-9]/.test(tin)) throw InvalidInputError.single('tin', 'is required: the TIN of the taxpayer');
    return this.dataSource.manager
      .createQueryBuilder(DisclosureAccountingEntry, 'd')
      .where('d.tin_hash = :tinHash', { tinHash: taxpayerDataCipher().hash(tin) })
      .orderBy('d.disclosed_at', 'ASC')
      .addOrderBy('d.id', 'ASC');
  }
}
