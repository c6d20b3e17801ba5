import { useEffect, useRef, useState } from 'react';
import { POLL_SECONDS, usePolling } from './polling';
import { useSession } from './session';

/** Wait this long before listening again after the stream ended or failed. */
const RECONNECT_MS = 3000;

/** Topics of GET /live (the hub names them after what changed). */
export type LiveTopic = 'referral' | 'crossing' | 'lookout';

/**
 * Reads GET /live (server-sent events) with fetch, because EventSource cannot send the Authorization header and
 * the token must never be put in a URL. Calls `onEvent(topic)` for each event; resolves when the stream ends.
 */
async function listen(token: string, signal: AbortSignal, onReady: () => void, onEvent: (topic: string) => void): Promise<number> {
  const response = await fetch('/live', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
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
      if (topic === 'ready') onReady();
      else if (topic) onEvent(topic);
    }
  }
}

/**
 * Refreshes a page when the hub says something it shows has changed: live over GET /live, and, while the stream
 * is down, by polling every 15 s. The hub decides what the person hears of (only what they may see).
 */
export function useLiveRefresh(topics: readonly LiveTopic[], refresh: () => void): { live: boolean } {
  const { session, expire } = useSession();
  const [live, setLive] = useState(false);
  const latest = useRef({ refresh, topics });
  latest.current = { refresh, topics };
  const token = session?.token;

  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      listen(
        token,
        abort.signal,
        () => {
          setLive(true);
          // Anything that changed while the stream was down.
          latest.current.refresh();
        },
        (topic) => {
          if ((latest.current.topics as readonly string[]).includes(topic)) latest.current.refresh();
        },
      )
        .then((status) => {
          if (status === 401) return expire();
          setLive(false);
          if (!abort.signal.aborted) retry = setTimeout(connect, RECONNECT_MS);
        })
        .catch(() => {
          setLive(false);
          if (!abort.signal.aborted) retry = setTimeout(connect, RECONNECT_MS);
        });
    };
    connect();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [token, expire]);

  usePolling(refresh, live ? null : POLL_SECONDS);
  return { live };
}
