import { fork } from 'node:child_process';
import { join } from 'node:path';
import { combineRounds, LatencySummary } from './stats';

export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadSpec {
  /** autocannon: fixed duration, `connections` concurrent keep-alive connections. sequential: each connection waits for its response. */
  mode: 'autocannon' | 'sequential';
  url: string;
  connections: number;
  durationSeconds: number;
  /** sequential only: stop after this many requests. */
  maxRequests?: number;
  /** Sent round-robin. */
  requests: LoadRequest[];
}

export interface LoadResult {
  requests: number;
  successful: number;
  /** Non-2xx, socket errors, timeouts and responses carrying GraphQL `errors`. */
  failed: number;
  durationSeconds: number;
  throughputPerSecond: number;
  latency: LatencySummary;
  errorSample: string | null;
  latencyResolution: string;
}

/** The results of interleaved rounds as one: requests added, throughput over their total time, latency by combineRounds. */
export function combineLoads(rounds: LoadResult[]): LoadResult {
  const sumOf = (pick: (round: LoadResult) => number) => rounds.reduce((sum, round) => sum + pick(round), 0);
  const successful = sumOf((round) => round.successful);
  const durationSeconds = sumOf((round) => round.durationSeconds);
  return {
    requests: sumOf((round) => round.requests),
    successful,
    failed: sumOf((round) => round.failed),
    durationSeconds,
    throughputPerSecond: successful / durationSeconds,
    latency: combineRounds(rounds.map((round) => round.latency)),
    errorSample: rounds.find((round) => round.errorSample)?.errorSample ?? null,
    latencyResolution: rounds[0].latencyResolution,
  };
}

/** Runs HTTP load from a child process (see load-worker.ts), so it does not compete for the hub's event loop. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(`load generator failed: ${message.error}`));
    });
    child.once('error', (error) => {
      if (!settled) reject(error);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(spec);
  });
}
