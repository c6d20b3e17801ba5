import express, { Request, Response, Router } from 'express';
import { Clock } from '../common/clock';
import { ForbiddenError } from '../common/errors';
import { DownloadAccess } from '../exports/download';
import { httpErrorOf } from '../graphql/error-mapper';
import { LiveEvent, LiveUpdates } from './live-updates';

/** Where the console listens for changes (server-sent events). */
export const LIVE_UPDATES_PATH = '/live';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * A stream ends after this long and the browser reconnects with its current token: a revoked role, a
 * deactivated employee or an expired token never outlives it by more.
 */
const MAX_STREAM_MS = 10 * 60_000;

/** Tells a reconnecting client how long to wait (SSE `retry`). */
const RECONNECT_MS = 3000;

export interface LiveRoutesOptions<C extends { id: string }> {
  live: LiveUpdates<C>;
  /** The same bearer token and access policy as GraphQL and the downloads (entry `/live`). */
  access: DownloadAccess<C>;
  clock: Clock;
  logUnexpectedError: (error: unknown) => void;
}

function write(res: Response, event: LiveEvent): void {
  res.write(`event: ${event.topic}\ndata: ${JSON.stringify({ ids: event.ids })}\n\n`);
}

/**
 * GET /live: server-sent events, one `event: <topic>` with `data: {"ids": [...]}` per change the caller may see
 * (ids null: many changed, refresh). Authenticated by `Authorization: Bearer`, never a token in the URL, so the
 * console reads it with fetch rather than EventSource (which cannot send the header).
 */
export function liveRoutes<C extends { id: string }>({ live, access, clock, logUnexpectedError }: LiveRoutesOptions<C>): Router {
  const router = express.Router();
  router.get(LIVE_UPDATES_PATH, async (req: Request, res: Response) => {
    let caller: C;
    try {
      caller = await access.authenticate(req.headers.authorization, clock.now());
      if (!access.policyFor(LIVE_UPDATES_PATH, caller).allowed) throw new ForbiddenError('You may not receive live updates');
    } catch (error) {
      const { status, body } = httpErrorOf(error, logUnexpectedError);
      res.status(status).json(body);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: ${RECONNECT_MS}\nevent: ready\ndata: {}\n\n`);
    const end = () => {
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      unsubscribe();
      res.end();
    };
    const unsubscribe = live.subscribe({ viewer: caller, send: (event) => write(res, event), close: end });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const lifetime = setTimeout(end, MAX_STREAM_MS);
    req.on('close', end);
  });
  return router;
}
