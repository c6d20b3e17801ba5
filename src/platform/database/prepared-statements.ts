import { Client } from 'pg';

/**
 * At most this many statement texts are prepared: each is kept, with its plan, by every connection of the pool that
 * runs it, for the connection's life.
 */
export const MAX_PREPARED_STATEMENTS = 64;

const names = new Map<string, string>();

/**
 * Marks a statement text to be run as a named prepared statement, so that each connection parses and plans it once
 * instead of at every call (what pgjdbc's prepareThreshold does). For the hot writes of a fixed text only: after five
 * runs PostgreSQL may keep one generic plan for every value, which suits an INSERT but could misjudge a search.
 * Returns the text; past MAX_PREPARED_STATEMENTS texts are run as before, unnamed.
 */
export function prepared(text: string): string {
  if (!names.has(text) && names.size < MAX_PREPARED_STATEMENTS) names.set(text, `hub_${names.size + 1}`);
  return text;
}

/**
 * The pool's client (pg-pool takes it as its `Client` option): a marked text goes as the named statement; everything
 * else, and TypeORM's handling around it (logging, QueryFailedError), is unchanged.
 */
export class PreparingClient extends Client {}

type Send = (this: Client, ...args: unknown[]) => unknown;

// Assigned rather than declared: pg's overloads of `query` cannot be restated by a subclass. The base method is looked
// up at each call, so a wrapper installed on pg's Client later (the benchmarks' statement counter) still sees it.
(PreparingClient.prototype as unknown as { query: Send }).query = function query(
  this: Client,
  text: unknown,
  values: unknown,
  ...rest: unknown[]
) {
  const send = Client.prototype.query as Send;
  // A marked text goes named with or without values (a named statement always uses the extended protocol).
  const name = typeof text === 'string' && (values === undefined || Array.isArray(values)) ? names.get(text) : undefined;
  return name ? send.call(this, { name, text, values: values ?? [] }, ...rest) : send.call(this, text, values, ...rest);
};
