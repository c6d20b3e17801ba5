import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TINs typed into free text before the argument guard refused them are stored and shown in clear: this masks
 * them (every digit but the last four becomes `*`, separators kept) in every free-text column, the
 * append-only histories included, and logs how many it masked. Irreversible by design.
 *
 * Self-contained on purpose (no import from src, whose rules may change later): the TIN shapes are a frozen
 * copy of src/security/tin-shapes.ts as of this migration, and the JSON keys that hold identifiers rather than
 * free text (sealed TINs, ZIP codes of nine digits, …) are listed here.
 */
const TIN_SHAPES = /(?<![0-9A-Fa-f])(?:\d{3}([-. ]?)\d{2}\1\d{4}|\d{2}[- ]\d{7})(?![0-9A-Fa-f])/g;
/** A superset of TIN_SHAPES in PostgreSQL's syntax, to read only the rows that may hold one. */
const MAY_HOLD_TIN = '[0-9]{3}[-. ]?[0-9]{2}[-. ]?[0-9]{4}|[0-9]{2}[- ][0-9]{7}';
const SEALED = 'enc:v1:';
const IDENTIFIER_KEYS: ReadonlySet<string> = new Set([
  'tin',
  'ein',
  'ssn',
  'tinType',
  'zip',
  'phone',
  'fax',
  'dln',
  'mft',
  'taxPeriod',
  'documentNumber',
  'dhsReportId',
  'tecsRecordReference',
]);

type ColumnKind = 'text' | 'text[]' | 'jsonb';
interface FreeTextTable {
  table: string;
  columns: Record<string, ColumnKind>;
  /** The row trigger that makes the table append-only, lifted for this correction only. */
  appendOnlyTrigger?: string;
}

const FREE_TEXT: readonly FreeTextTable[] = [
  { table: 'referral', columns: { content: 'jsonb', actions_taken: 'text[]' } },
  { table: 'referral_history', columns: { note: 'text', details: 'jsonb' }, appendOnlyTrigger: 'referral_history_append_only' },
  {
    table: 'lookout',
    columns: {
      taxpayer_name: 'text',
      taxpayer_name_key: 'text',
      address: 'text',
      contact_facts: 'text',
      criteria_met: 'text[]',
      closure_code: 'text',
      return_reason: 'text',
    },
  },
  {
    table: 'crossing',
    columns: {
      taxpayer_name: 'text',
      place_of_crossing: 'text',
      us_employer: 'text',
      us_address: 'text',
      staying_at: 'text',
      next_destination: 'text',
    },
  },
  { table: 'collection_case', columns: { closure_code: 'text' } },
  { table: 'tecs_history', columns: { note: 'text', details: 'jsonb' }, appendOnlyTrigger: 'tecs_history_append_only' },
  { table: 'closure', columns: { reason: 'text' } },
  { table: 'closure_history', columns: { before: 'jsonb', after: 'jsonb' }, appendOnlyTrigger: 'closure_history_append_only' },
  { table: 'employee', columns: { name: 'text' } },
  { table: 'business_function', columns: { name: 'text' } },
];

class Masker {
  masked = 0;

  text(value: string): string {
    return value.replace(TIN_SHAPES, (tin) => {
      this.masked++;
      return tin.replace(/\d(?=(?:\D*\d){4})/g, '*');
    });
  }

  /** Free text anywhere in a JSON value, except sealed values and the identifier keys. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return value.startsWith(SEALED) ? value : this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, IDENTIFIER_KEYS.has(key) ? item : this.json(item)]));
    }
    return value;
  }

  column(kind: ColumnKind, value: unknown): unknown {
    if (value === null) return null;
    if (kind === 'text') return this.text(value as string);
    if (kind === 'text[]') return (value as string[]).map((item) => this.text(item));
    return this.json(value);
  }
}

export class MaskTinsInFreeText1796156984910 implements MigrationInterface {
  name = 'MaskTinsInFreeText1796156984910';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const masker = new Masker();
    let rows = 0;
    for (const { table, columns, appendOnlyTrigger } of FREE_TEXT) {
      const names = Object.keys(columns);
      const candidates: Record<string, unknown>[] = await queryRunner.query(
        `SELECT id::text AS id, ${names.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE ${names.map((c) => `"${c}"::text ~ $1`).join(' OR ')}`,
        [MAY_HOLD_TIN],
      );
      const changed = candidates.flatMap((row) => {
        const before = masker.masked;
        const values = names.map((c) => masker.column(columns[c], row[c]));
        return masker.masked > before ? [{ id: row.id as string, values }] : [];
      });
      if (changed.length === 0) continue;
      // The histories are append-only (forbid_change triggers). This correction is the one deliberate
      // exception: ALTER TABLE holds an exclusive lock until the migration's transaction ends, so nothing
      // else can change the table meanwhile, and a failure rolls the trigger back on with everything else.
      if (appendOnlyTrigger) await queryRunner.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${appendOnlyTrigger}"`);
      for (const { id, values } of changed) {
        const assignments = names.map((c, i) => `"${c}" = $${i + 2}${columns[c] === 'jsonb' ? '::jsonb' : ''}`).join(', ');
        const parameters = names.map((c, i) => (columns[c] === 'jsonb' && values[i] !== null ? JSON.stringify(values[i]) : values[i]));
        await queryRunner.query(`UPDATE "${table}" SET ${assignments} WHERE id = $1`, [id, ...parameters]);
      }
      if (appendOnlyTrigger) await queryRunner.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${appendOnlyTrigger}"`);
      rows += changed.length;
    }
    console.log(`[migration] ${this.name}: masked ${masker.masked} TIN-shaped number(s) in ${rows} row(s) of free text`);
  }

  /** Masking cannot be undone: the clear TINs are gone, which is the point. */
  public async down(): Promise<void> {}
}
