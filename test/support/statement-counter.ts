import { Logger } from 'typeorm';

/** Counts the SQL statements TypeORM sends (transaction control excluded), and records them on request. */
export class StatementCounter implements Logger {
  count = 0;
  private recording: string[] | null = null;

  logQuery(query: string): void {
    this.recording?.push(query.replace(/\s+/g, ' ').trim());
    if (!/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query)) this.count++;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  async measure(work: () => Promise<unknown>): Promise<number> {
    const before = this.count;
    await work();
    return this.count - before;
  }

  /** Every statement `work` sends, transaction control included, in order (whitespace collapsed). */
  async record(work: () => Promise<unknown>): Promise<string[]> {
    const recording: string[] = [];
    this.recording = recording;
    try {
      await work();
    } finally {
      this.recording = null;
    }
    return recording;
  }
}
