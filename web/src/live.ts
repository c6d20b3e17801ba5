import { createContext, createElement, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
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

type LiveEvent = LiveTopic | 'resync';

interface LiveChannel {
  /** The stream is open (otherwise pages poll). */
  live: boolean;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

const LiveContext = createContext<LiveChannel | null>(null);

/**
 * One GET /live stream per signed-in tab, opened with the signed-in layout (beside its first queries, not after
 * them). Each time it is ready, the pages listening at that moment resync: they may have read before the stream
 * covered them. A page that starts listening once the stream is ready has read after it, so needs no second read.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  const [live, setLive] = useState(false);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const token = session?.token;

  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const notify = (event: LiveEvent) => listeners.current.forEach((listener) => listener(event));
    const reconnectLater = () => {
      setLive(false);
      if (!abort.signal.aborted) retry = setTimeout(connect, RECONNECT_MS);
    };
    const connect = () => {
      listen(
        token,
        abort.signal,
        () => {
          setLive(true);
          notify('resync');
        },
        (topic) => notify(topic as LiveTopic),
      )
        .then((status) => (status === 401 ? expire() : reconnectLater()))
        .catch(reconnectLater);
    };
    connect();
    return () => {
      abort.abort();
      clearTimeout(retry);
      setLive(false);
    };
  }, [token, expire]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const channel = useMemo(() => ({ live, subscribe }), [live, subscribe]);
  return createElement(LiveContext.Provider, { value: channel }, children);
}

/**
 * Refreshes a page when the hub says something it shows has changed (live over the tab's GET /live stream) and,
 * while the stream is down, by polling every 15 s. The hub decides what the person hears of (only what they may see).
 */
export function useLiveRefresh(topics: readonly LiveTopic[], refresh: () => void): { live: boolean } {
  const channel = useContext(LiveContext);
  if (!channel) throw new Error('useLiveRefresh outside LiveProvider');
  const latest = useRef({ refresh, topics });
  latest.current = { refresh, topics };
  const { live, subscribe } = channel;

  useEffect(
    () =>
      subscribe((event) => {
        if (event === 'resync' || latest.current.topics.includes(event)) latest.current.refresh();
      }),
    [subscribe],
  );

  usePolling(refresh, live ? null : POLL_SECONDS);
  return { live };
}
