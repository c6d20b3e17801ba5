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

  /** The value of `key` if it is cached and trusted, without waiting for anything (a hot path that can skip a promise). */
  peek(key: string): { value: V } | undefined {
    const cached = this.values.get(key);
    return cached && cached.until > Date.now() ? cached : undefined;
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    return (await this.getMany([key], async () => [await load()]))[0];
  }

  /** The values of `keys`, in order; those not cached are loaded together (`load` answers the missing keys, in order). */
  async getMany(keys: readonly string[], load: (missing: string[]) => Promise<V[]>): Promise<V[]> {
    const values = keys.map((key) => this.peek(key) ?? null);
    const missing = [...new Set(keys.filter((_, i) => !values[i]))];
    if (missing.length === 0) return values.map((cached) => cached!.value);
    const generation = this.generation;
    const loaded = new Map((await load(missing)).map((value, i) => [missing[i], value]));
    if (this.heard && generation === this.generation) {
      for (const [key, value] of loaded) {
        this.values.delete(key);
        this.values.set(key, { value, until: Date.now() + TTL_MS });
        if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value!);
      }
    }
    return keys.map((key, i) => (values[i] ? values[i].value : loaded.get(key)!));
  }

  /** Runs a change this instance makes to the rows, then drops `keys` (null: everything): it applies here at once, without waiting for its notice. */
  async changing<T>(keys: string[] | null, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.changed(keys);
    }
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
