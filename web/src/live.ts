import {
  createContext,
  createElement,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type AnyVariables, useQuery, type UseQueryArgs, type UseQueryState } from 'urql';
import { adoptOrOpenLiveStream, LiveStream } from './live-stream';
import { POLL_SECONDS, usePolling } from './polling';
import { useSession } from './session';

/** Wait this long before listening again after the stream ended or failed. */
const RECONNECT_MS = 3000;

/** Live pages wait at most this long for the tab's stream before their first read (it is ready within a round trip). */
const COVER_GRACE_MS = 500;

/** Topics of GET /live (the hub names them after what changed). */
export type LiveTopic = 'referral' | 'crossing' | 'lookout';

type LiveEvent = LiveTopic | 'resync';

interface LiveChannel {
  /** The stream is open (otherwise pages poll). */
  live: boolean;
  /** Pages may read: the first stream is ready (it covers what they read from now on), failed, or kept them waiting too long. */
  covered: boolean;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

const LiveContext = createContext<LiveChannel | null>(null);

/**
 * One GET /live stream per signed-in tab: the one the entry script opened before the first render (main.tsx), or one
 * opened with the signed-in layout. Live pages make their first read once the stream is ready (`covered`), so the
 * stream hears every change after it. If they had to read before (the stream failed, or was not ready within
 * COVER_GRACE_MS) or the stream came back after a break, every page listening when it is ready again resyncs: what it
 * read may predate the stream.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  const [live, setLive] = useState(false);
  const [covered, setCovered] = useState(false);
  const readBeforeStream = useRef(false);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const token = session?.token;

  // A layout effect: the stream is adopted (or opens) as soon as the layout is on the page, not after the browser paints it.
  useLayoutEffect(() => {
    const cover = () => {
      readBeforeStream.current = true;
      setCovered(true);
    };
    if (!token) return cover();
    let stopped = false;
    let stream: LiveStream | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const grace = setTimeout(cover, COVER_GRACE_MS);
    const notify = (event: LiveEvent) => listeners.current.forEach((listener) => listener(event));
    const reconnectLater = () => {
      setLive(false);
      clearTimeout(grace);
      cover();
      if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
    };
    const connect = () => {
      stream = adoptOrOpenLiveStream(token);
      stream.listen((topic) => {
        if (topic !== 'ready') return notify(topic as LiveTopic);
        clearTimeout(grace);
        setLive(true);
        if (readBeforeStream.current) notify('resync');
        cover();
      });
      stream.ended.then((status) => (status === 401 ? expire() : reconnectLater())).catch(reconnectLater);
    };
    connect();
    return () => {
      stopped = true;
      stream?.close();
      clearTimeout(retry);
      clearTimeout(grace);
      setLive(false);
    };
  }, [token, expire]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const channel = useMemo(() => ({ live, covered, subscribe }), [live, covered, subscribe]);
  return createElement(LiveContext.Provider, { value: channel }, children);
}

/**
 * A query that stays current: read first once the tab's stream covers it, then again when the hub says something of
 * `topics` changed (live over the tab's GET /live stream), when the stream resyncs, and every 15 s while the stream
 * is down. The hub decides what the person hears of (only what they may see).
 */
export function useLiveQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
  topics: readonly LiveTopic[],
): [UseQueryState<Data, Variables>, { live: boolean }] {
  const channel = useContext(LiveContext);
  if (!channel) throw new Error('useLiveQuery outside LiveProvider');
  const { live, covered, subscribe } = channel;
  const paused = Boolean(args.pause) || !covered;
  const [state, execute] = useQuery({ ...args, pause: paused } as UseQueryArgs<Variables, Data>);
  const latest = useRef({ paused, topics, execute });
  latest.current = { paused, topics, execute };
  const refresh = useCallback(() => {
    if (!latest.current.paused) latest.current.execute({ requestPolicy: 'network-only' });
  }, []);

  useEffect(
    () =>
      subscribe((event) => {
        if (event === 'resync' || latest.current.topics.includes(event)) refresh();
      }),
    [subscribe, refresh],
  );

  usePolling(refresh, live ? null : POLL_SECONDS);
  return [state, { live }];
}
