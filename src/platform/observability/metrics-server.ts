import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from 'pino';
import { Registry } from 'prom-client';
import { AppConfig } from '../config/config';

export interface RunningMetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  stop(): Promise<void>;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function authorized(req: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics on its own listener (METRICS_HOST:METRICS_PORT), never on the API port, so that the
 * network decides who may scrape; METRICS_TOKEN adds a bearer token on top.
 */
export async function startMetricsServer(
  config: AppConfig['metrics'] & { port: number },
  registry: Registry,
  logger: Logger,
): Promise<RunningMetricsServer> {
  const respond = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return respond(res, 404, 'not found\n');
    if (!authorized(req, config.token)) return respond(res, 401, 'unauthorized\n', { 'www-authenticate': 'Bearer' });
    registry.metrics().then(
      (body) => respond(res, 200, body, { 'content-type': registry.contentType }),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics scrape failed');
        respond(res, 500, 'metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `the metrics listener cannot listen on ${config.host}:${config.port} (${error.code ?? error.message}): set METRICS_PORT to a free port`,
        ),
      ),
    );
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/metrics`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
