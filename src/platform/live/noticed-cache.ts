import { Watcher } from './live-updates';

/** How long a cached value is trusted: a backstop only, as every change is heard at once. */
const TTL_MS = 60_000;

/**
 * Values read from tables whose every change the database announces (a trigger NOTIFYs on the hub's live-updates
 * channel when the change commits, whoever makes it: any instance, or a person in SQL), kept so that requests do not
 * read them again. A notice drops what it names (its keys, or everything) at once; while the listening connection is
 * down nothing is cached, and whatever changed meanwhile went unheard, so nothing cached before is trusted.
 * `LiveUpdates.watch(topic, cache)` wires it to its topic.
 */
export class NoticedCache<V> implements Watcher {
  private readonly values = new Map<string, { value: V; until: number }>();
  private heard = false;
  /** Counts the changes heard: a load that began before one may have read the old rows and is not kept. */
  private generation = 0;

  constructor(
    /** Entries kept at most (the oldest go first). */
    private readonly maxEntries: number,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.values.get(key);
    if (cached && cached.until > Date.now()) return cached.value;
    const generation = this.generation;
    const value = await load();
    if (this.heard && generation === this.generation) {
      this.values.delete(key);
      this.values.set(key, { value, until: Date.now() + TTL_MS });
      if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value!);
    }
    return value;
  }

  /** Keys whose rows changed; null: any number of them. */
  changed(keys: string[] | null): void {
    this.generation++;
    if (keys === null) this.values.clear();
    else keys.forEach((key) => this.values.delete(key));
  }

  listening(now: boolean): void {
    this.generation++;
    this.heard = now;
    this.values.clear();
  }
}
