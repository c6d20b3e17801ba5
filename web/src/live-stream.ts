/** An early stream no live provider adopted within this long is closed: the page opened turned out to need none. */
const EARLY_ADOPTION_MS = 5000;

/**
 * The tab's GET /live (server-sent events), read with fetch because EventSource cannot send the Authorization header
 * and the token must never be put in a URL. It is read from the moment it is opened: the topics it hears before a
 * listener is attached wait for one.
 */
export class LiveStream {
  /** Resolves when the hub says the stream is listening (its `ready` event). */
  readonly ready: Promise<void>;
  /** The HTTP status once the stream has ended; rejects if it failed or was closed. */
  readonly ended: Promise<number>;
  private readonly abort = new AbortController();
  private listener: ((topic: string) => void) | null = null;
  private readonly heard: string[] = [];

  constructor(readonly token: string) {
    let markReady = () => undefined as void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.ended = this.read((topic) => {
      if (topic === 'ready') markReady();
      if (this.listener) this.listener(topic);
      else this.heard.push(topic);
    });
    this.ended.catch(() => undefined); // the listener's to handle
  }

  /** Passes what the stream heard so far, then each topic it hears, to `listener`. */
  listen(listener: (topic: string) => void): void {
    this.listener = listener;
    for (const topic of this.heard.splice(0)) listener(topic);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(hear: (topic: string) => void): Promise<number> {
    const response = await fetch('/live', {
      headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
      signal: this.abort.signal,
    });
    if (!response.ok || !response.body) return response.status;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return response.status;
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const topic = /^event: (.*)$/m.exec(buffered.slice(0, end))?.[1];
        buffered = buffered.slice(end + 2);
        if (topic) hear(topic);
      }
    }
  }
}

/** The stream the entry script opened before the first render, until the live provider adopts it. */
let early: LiveStream | null = null;

/**
 * Opens the tab's stream while the console's code is still starting (main.tsx), so that it is ready by the time the
 * first page may read: live pages wait for it, and React's first render and paint take longer than its round trip.
 */
export function openLiveStreamEarly(token: string): LiveStream {
  const stream = new LiveStream(token);
  early = stream;
  setTimeout(() => {
    if (early !== stream) return;
    early = null;
    stream.close();
  }, EARLY_ADOPTION_MS);
  return stream;
}

/** The early stream if it was opened with this token, else a new one. */
export function adoptOrOpenLiveStream(token: string): LiveStream {
  const adopted = early;
  early = null;
  if (adopted?.token === token) return adopted;
  adopted?.close();
  return new LiveStream(token);
}
