import {
  EntityManager,
  EntitySubscriberInterface,
  EventSubscriber,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { prepared } from './prepared-statements';
import { buildStatement, Parameter } from './statement-builder';

/**
 * A kind of row a transaction writes and never reads back (a history entry, an audit row): its INSERT of all the rows
 * of the kind a tail holds, in the order they were written (one statement keeps that order; separate data-modifying
 * CTEs of one statement run in no set order).
 */
export interface TailInsert<R> {
  sql(parameter: Parameter, rows: readonly R[]): string;
}

interface Tail {
  inserts: Map<TailInsert<never>, unknown[]>;
  notices: [channel: string, payload: string][];
}

const tails = new WeakMap<QueryRunner, Tail>();

/**
 * Writes a transaction never reads back (history rows, live-update notices, its audit row) go to PostgreSQL together,
 * as one statement, just before the transaction commits: atomic with the change, but one round trip for all of them
 * instead of one each (a round trip costs the hub a socket write and a read; see bench/RESULTS.md, filing profile).
 * Also sent before a savepoint opens, and dropped on rollback, so each stays in the scope it was written in.
 * Outside a transaction they are sent at once.
 */
export async function insertAtCommit<R>(manager: EntityManager, insert: TailInsert<R>, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const { tail, sendNow } = tailOf(manager);
  const written = tail.inserts.get(insert as TailInsert<never>);
  if (written) written.push(...rows);
  else tail.inserts.set(insert as TailInsert<never>, [...rows]);
  if (sendNow) await send(manager, tail);
}

/** A NOTIFY sent with the tail: PostgreSQL delivers it when (and if) the transaction commits. */
export async function notifyAtCommit(manager: EntityManager, channel: string, payload: string): Promise<void> {
  const { tail, sendNow } = tailOf(manager);
  tail.notices.push([channel, payload]);
  if (sendNow) await send(manager, tail);
}

/** The transaction's tail, or (outside a transaction) one to send at once. */
function tailOf(manager: EntityManager): { tail: Tail; sendNow: boolean } {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return { tail: { inserts: new Map(), notices: [] }, sendNow: true };
  let tail = tails.get(runner);
  if (!tail) tails.set(runner, (tail = { inserts: new Map(), notices: [] }));
  return { tail, sendNow: false };
}

async function send(manager: EntityManager, { inserts, notices }: Tail): Promise<void> {
  const statement = await buildStatement((parameter) => {
    const ctes = [...inserts].map(([insert, rows], i) => `w${i} AS (${insert.sql(parameter, rows as never[])})`);
    // A data-modifying CTE always runs, whatever the outer SELECT reads.
    const select = notices.length
      ? `SELECT pg_notify(n.channel, n.payload)
           FROM unnest(${parameter(notices.map(([channel]) => channel))}::text[], ${parameter(notices.map(([, payload]) => payload))}::text[])
                AS n(channel, payload)`
      : 'SELECT';
    return prepared(`${ctes.length ? `WITH ${ctes.join(', ')} ` : ''}${select}`);
  });
  await manager.query(...statement);
}

async function flush(runner: QueryRunner): Promise<void> {
  const tail = tails.get(runner);
  if (!tail) return;
  tails.delete(runner);
  await send(runner.manager, tail);
}

/** A write every transaction makes as it commits (its audit row); returns nothing when it has none to make. */
export type CommitWriter = (manager: EntityManager) => Promise<void> | void;

const commitWriters: CommitWriter[] = [];

/** Registers a write every transaction makes as it commits (the app registers the mutation audit's). */
export function writeAtEveryCommit(writer: CommitWriter): void {
  commitWriters.push(writer);
}

/** Sends each transaction's tail, with the commit writers' writes. */
@EventSubscriber()
export class TransactionTailSubscriber implements EntitySubscriberInterface {
  beforeTransactionStart(event: TransactionStartEvent): Promise<void> {
    return flush(event.queryRunner);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    for (const writer of commitWriters) await writer(event.manager);
    await flush(event.queryRunner);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    tails.delete(event.queryRunner);
  }
}
