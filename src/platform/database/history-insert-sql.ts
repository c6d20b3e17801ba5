/** SQL expressions for the columns every history table shares, for entries derived from rows inside a statement. */
export interface HistorySelectColumns<Details> {
  action: string;
  fromState: string;
  toState: string;
  actorId: string;
  at: string;
  note: string;
  /** Exactly the keys entries of the kind carry, each an SQL expression. */
  details: Record<keyof Details & string, string>;
  /** FROM … [WHERE …] of the rows the entries come from. */
  from: string;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * `INSERT INTO <table> (…) SELECT …` for a history writer's set-based variant: `subject` names the table's own
 * columns (camelCase, e.g. referralId) and their SQL; keys and expressions are hub-defined, never input.
 */
export function historyInsertSql<Details>(table: string, subject: Record<string, string>, select: HistorySelectColumns<Details>): string {
  const columns: Record<string, string> = {
    ...subject,
    action: select.action,
    fromState: select.fromState,
    toState: select.toState,
    actorId: select.actorId,
    at: select.at,
    note: select.note,
  };
  const details = Object.entries<string>(select.details).map(([key, sql]) => `'${key}', ${sql}`);
  return `INSERT INTO ${table} (${[...Object.keys(columns).map(snake), 'details'].join(', ')})
       SELECT ${[...Object.values(columns), `jsonb_build_object(${details.join(', ')})`].join(', ')}
         ${select.from}`;
}
