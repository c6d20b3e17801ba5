import { TestHub } from './hub';

export interface LiveMessage {
  event: string;
  ids: string[] | null;
}

export interface LiveStream {
  status: number;
  /** Every event received so far (the first is `ready`). */
  messages: LiveMessage[];
  close(): void;
}

/** GET /live as an employee, read as the console reads it (fetch with the bearer header), collecting its events. */
export async function openLiveStream(hub: TestHub, employeeId: string): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(`${new URL(hub.url).origin}/live`, {
    headers: { authorization: `Bearer ${await hub.tokenFor(employeeId)}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const messages: LiveMessage[] = [];
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) messages.push({ event, ids: (JSON.parse(data) as { ids?: string[] | null }).ids ?? null });
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  } else {
    await response.arrayBuffer();
  }
  return { status: response.status, messages, close: () => abort.abort() };
}
