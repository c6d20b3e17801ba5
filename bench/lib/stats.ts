/** Latency samples in milliseconds, summarised by nearest-rank percentiles. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/**
 * One summary of interleaved rounds: counts added, each percentile the mean of the rounds' (a round's samples are
 * not kept), the slowest the slowest of all.
 */
export function combineRounds(rounds: LatencySummary[]): LatencySummary {
  const meanOf = (pick: (round: LatencySummary) => number) => rounds.reduce((sum, round) => sum + pick(round), 0) / rounds.length;
  return {
    count: rounds.reduce((sum, round) => sum + round.count, 0),
    mean: meanOf((round) => round.mean),
    p50: meanOf((round) => round.p50),
    p90: meanOf((round) => round.p90),
    p99: meanOf((round) => round.p99),
    max: Math.max(...rounds.map((round) => round.max)),
  };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Runs `work` back to back on each of `lanes` concurrent lanes for `seconds` (`i` counts a lane's runs): every run's
 * latency, and the time the runs took.
 */
export async function timedRuns(
  seconds: number,
  lanes: number,
  work: (lane: number, i: number) => Promise<unknown>,
): Promise<{ samples: number[]; seconds: number }> {
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; process.hrtime.bigint() < deadline; i++) {
        const start = process.hrtime.bigint();
        await work(lane, i);
        samples.push(msSince(start));
      }
    }),
  );
  return { samples, seconds: msSince(started) / 1000 };
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: msSince(start), value };
}

export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}
