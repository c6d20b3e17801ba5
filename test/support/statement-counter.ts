import { Logger } from 'typeorm';

/** Counts the SQL statements TypeORM sends (transaction control excluded). */
export class StatementCounter implements Logger {
  count = 0;

  logQuery(query: string): void {
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
}
