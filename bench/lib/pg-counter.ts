import pg from 'pg';

/** The application_name pg-boss connects with (src/platform/notifications/job-queue.ts). */
const JOB_QUEUE_APPLICATION = 'referral-hub-jobs';
/** Clients the benchmark itself opens for direct SQL (the baselines) use this name and are not counted. */
export const DIRECT_APPLICATION = 'hub-bench-direct';

const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** From sending to the result (promise-style calls only). */
  ms?: number;
}

interface Counting {
  statements: number;
  transactionControl: number;
  captured: CapturedStatement[];
}

/**
 * Counts the SQL statements the hub's own connection pool sends, at the `pg` driver (every
 * `Client.query`, whoever calls it: TypeORM, raw queries, pg-boss inserts run through a hub
 * transaction). pg-boss's own pool and the benchmark's direct connections are not counted.
 */
export class PgStatementCounter {
  private current: Counting | null = null;
  private installed = false;

  install(): void {
    if (this.installed) return;
    this.installed = true;
    // The patched query runs with the pg.Client as `this`; the counting in progress is read through this closure.
    const countingNow = (): Counting | null => this.current;
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function patchedQuery(
      this: pg.Client & { connectionParameters?: { application_name?: string } },
      ...args: unknown[]
    ) {
      const counting = countingNow();
      let captured: CapturedStatement | null = null;
      if (counting) {
        const app = this.connectionParameters?.application_name;
        if (app !== JOB_QUEUE_APPLICATION && app !== DIRECT_APPLICATION) {
          const first = args[0];
          const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
          const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : ((first as { values?: unknown[] } | undefined)?.values ?? []);
          if (TRANSACTION_CONTROL.test(text)) counting.transactionControl++;
          else {
            counting.statements++;
            captured = { text, values };
            counting.captured.push(captured);
          }
        }
      }
      const start = process.hrtime.bigint();
      const result = original.apply(this, args);
      if (captured && result && typeof (result as Promise<unknown>).then === 'function') {
        const statement = captured;
        (result as Promise<unknown>).then(
          () => (statement.ms = Number(process.hrtime.bigint() - start) / 1e6),
          () => (statement.ms = Number(process.hrtime.bigint() - start) / 1e6),
        );
      }
      return result;
    };
  }

  /** Where the time of a measured piece of work went, statement by statement (for --verbose). */
  static profile(captured: CapturedStatement[], limit = 15): string {
    const groups = new Map<string, { n: number; ms: number }>();
    for (const statement of captured) {
      const key = statement.text.replace(/\s+/g, ' ').trim().slice(0, 110);
      const group = groups.get(key) ?? { n: 0, ms: 0 };
      group.n++;
      group.ms += statement.ms ?? 0;
      groups.set(key, group);
    }
    return [...groups]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, limit)
      .map(([text, g]) => `${g.ms.toFixed(1).padStart(8)} ms ${String(g.n).padStart(5)}×  ${text}`)
      .join('\n');
  }

  /** Runs `work` and returns how many statements the hub sent meanwhile (nothing else may run on the hub). */
  async measure<T>(
    work: () => Promise<T>,
  ): Promise<{ statements: number; transactionControl: number; captured: CapturedStatement[]; value: T }> {
    if (!this.installed) throw new Error('PgStatementCounter.install() first');
    if (this.current) throw new Error('measurements do not nest');
    const counting: Counting = { statements: 0, transactionControl: 0, captured: [] };
    this.current = counting;
    try {
      const value = await work();
      return { ...counting, value };
    } finally {
      this.current = null;
    }
  }
}
