/**
 * The HTTP load generator, run in a child process (bench/lib/load.ts forks it) so that generating
 * load does not share the event loop of the hub it measures.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { LoadRequest, LoadResult, LoadSpec } from './load';
import { summarise } from './stats';

function hasGraphQLErrors(body: string): boolean {
  return body.includes('"errors"');
}

async function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  let errorSample: string | null = null;
  const url = new URL(spec.url);
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    method: 'POST',
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: url.pathname,
        setupRequest: (request) => {
          const chosen = spec.requests[next++ % spec.requests.length];
          return { ...request, method: 'POST', path: url.pathname, headers: chosen.headers, body: chosen.body };
        },
      },
    ],
    verifyBody: (raw) => {
      const body = raw === undefined ? '' : String(raw);
      const ok = !hasGraphQLErrors(body);
      if (!ok && errorSample === null) errorSample = body.slice(0, 800);
      return ok;
    },
  });
  const ok2xx = result['2xx'];
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  return {
    requests: result.requests.total,
    successful: Math.max(0, ok2xx - result.mismatches),
    failed,
    durationSeconds: result.duration,
    throughputPerSecond: Math.max(0, ok2xx - result.mismatches) / result.duration,
    latency: {
      count: result.requests.total,
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errorSample,
    latencyResolution: 'autocannon histogram, 1 ms resolution',
  };
}

function post(agent: http.Agent, url: URL, request: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** `connections` clients each sending one request after the other; latency measured per request in µs. */
async function runSequential(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const samples: number[] = [];
  let next = 0;
  let failed = 0;
  let errorSample: string | null = null;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(spec.durationSeconds * 1e9));
  const maxRequests = spec.maxRequests ?? Number.POSITIVE_INFINITY;
  const client = async () => {
    while (process.hrtime.bigint() < deadline && samples.length + failed < maxRequests) {
      const request = spec.requests[next++ % spec.requests.length];
      const start = process.hrtime.bigint();
      const response = await post(agent, url, request);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (response.status !== 200 || hasGraphQLErrors(response.body)) {
        failed++;
        errorSample ??= `${response.status} ${response.body.slice(0, 800)}`;
      } else samples.push(ms);
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, client));
  const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return {
    requests: samples.length + failed,
    successful: samples.length,
    failed,
    durationSeconds,
    throughputPerSecond: samples.length / durationSeconds,
    latency: summarise(samples),
    errorSample,
    latencyResolution: 'hrtime per request',
  };
}

process.once('message', (spec: LoadSpec) => {
  const run = spec.mode === 'autocannon' ? runAutocannon(spec) : runSequential(spec);
  run.then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send!({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
});
