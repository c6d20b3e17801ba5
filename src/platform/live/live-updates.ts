import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { notifyAtCommit } from '../database/transaction-tail';

/** The PostgreSQL channel every instance listens on. */
const CHANNEL = 'hub_live';

/** More ids than this in one change (a closure re-timing many clocks) are sent as "many": every subscriber refreshes. */
const MAX_IDS_PER_EVENT = 100;

/** How long to wait before listening again after the listening connection broke. */
const RELISTEN_DELAY_MS = 1000;

/** What changed: a topic (`referral`, `crossing`) and the ids of the items, or null for "many". */
export interface LiveEvent {
  topic: string;
  ids: string[] | null;
}

/**
 * Announces a change to every instance's subscribers, inside the transaction that makes it (with its other tail
 * writes): PostgreSQL delivers a NOTIFY only when (and if) the transaction commits, so nobody refetches before the
 * change is visible or hears about a change that was rolled back.
 */
export async function publishLive(manager: EntityManager, topic: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await notifyAtCommit(manager, ...liveNotifyArguments(topic, ids));
}

/** The arguments of `pg_notify(channel, payload)` announcing a change. */
function liveNotifyArguments(topic: string, ids: readonly string[]): [channel: string, payload: string] {
  const unique = [...new Set(ids)];
  const event: LiveEvent = { topic, ids: unique.length > MAX_IDS_PER_EVENT ? null : unique };
  return [CHANNEL, JSON.stringify(event)];
}

/**
 * Which of a change's items each viewer may see, by the owning module's visibility rule: given the ids, it loads
 * what the rule needs once (not per viewer) and answers per viewer. (A change of "many" reaches every
 * subscriber of the topic without ids, so they refresh without learning anything.)
 */
export type LiveVisibility<V> = (ids: string[]) => Promise<(viewer: V) => string[] | Promise<string[]>>;

/** This instance's own use of a topic (a cache of what changed), as `LiveUpdates.watch` takes it. */
export interface Watcher {
  /** Every change of the topic: its ids, or null for "many". */
  changed(ids: string[] | null): void;
  /** Whether changes are heard at all: false from a lost connection until listening again (what changed meanwhile went unheard). */
  listening(now: boolean): void;
}

export interface Subscriber<V> {
  viewer: V;
  send(event: LiveEvent): void;
  /** Ends the stream (the hub is stopping). */
  close(): void;
}

/**
 * Live updates for the console: one LISTEN connection per instance, fanned out to the subscribers of this
 * instance, each told only about items the module's visibility rule lets them see.
 */
export class LiveUpdates<V> {
  private readonly topics = new Map<string, LiveVisibility<V>>();
  private readonly subscribers = new Set<Subscriber<V>>();
  private readonly watchers: { topic: string; watcher: Watcher }[] = [];
  private client: Client | null = null;
  private stopped = false;
  private relisten: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Declared by the module that owns the topic's items. */
  topic(name: string, visibility: LiveVisibility<V>): this {
    this.topics.set(name, visibility);
    return this;
  }

  /** Declared by whoever keeps something this instance must forget when the topic's items change. */
  watch(topic: string, watcher: Watcher): this {
    this.watchers.push({ topic, watcher });
    return this;
  }

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'hub-live-updates' });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) void this.dispatch(message.payload);
    });
    client.on('error', (error) => {
      this.log(`live updates: listening connection lost (${error.message}); listening again`);
      this.client = null;
      this.watchers.forEach(({ watcher }) => watcher.listening(false));
      void client.end().catch(() => undefined);
      this.scheduleRelisten();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.watchers.forEach(({ watcher }) => watcher.listening(true));
  }

  /** A viewer's stream; returns what ends the subscription. */
  subscribe(subscriber: Subscriber<V>): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.relisten) clearTimeout(this.relisten);
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
    this.watchers.forEach(({ watcher }) => watcher.listening(false));
    const client = this.client;
    this.client = null;
    await client?.end();
  }

  private scheduleRelisten(): void {
    if (this.stopped || this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = null;
      if (!this.stopped) this.start().catch(() => this.scheduleRelisten());
    }, RELISTEN_DELAY_MS);
  }

  private async dispatch(payload: string): Promise<void> {
    try {
      const event = JSON.parse(payload) as LiveEvent;
      for (const { topic, watcher } of this.watchers) if (topic === event.topic) watcher.changed(event.ids);
      if (this.subscribers.size === 0) return;
      const visibility = this.topics.get(event.topic);
      if (!visibility) return;
      if (event.ids === null) {
        for (const subscriber of this.subscribers) subscriber.send({ topic: event.topic, ids: null });
        return;
      }
      const visibleTo = await visibility(event.ids);
      for (const subscriber of this.subscribers) {
        const ids = await visibleTo(subscriber.viewer);
        if (ids.length) subscriber.send({ topic: event.topic, ids });
      }
    } catch (error) {
      this.log(`live updates: could not dispatch a change (${(error as Error).message})`);
    }
  }
}
