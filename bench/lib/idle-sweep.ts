import { BenchContext } from './benchmark';
import { median, summarise, timed } from './stats';

/** The due-referral scan of the SLA sweep, as the hub's sweep sends it (the baselines run exactly this). */
export const SWEEP_SELECT = `SELECT id, state, originating_function_id, receiving_function_id, assignee_id, review_due_at, ack_due_at, completion_due_at
  FROM referral WHERE sla_check_at <= $1 ORDER BY sla_check_at`;

/**
 * Unmeasured runs before the timed ones, of each side. The first sweeps of a process run while V8 compiles the sweep's
 * code on the machine's other core, beside PostgreSQL: on two cores their p99 was 3–4 ms for the first 2,000 runs, then
 * 0.6 ms, the bare SQL's tail shrinking likewise. A sweep runs every minute for the life of the process, so the steady
 * state is what is measured.
 */
const WARM_UP_MS = 2000;

/** How the runs were warmed up, for the benchmarks' notes. */
export const IDLE_WARM_UP = `after ${WARM_UP_MS / 1000} s of unmeasured runs of each`;

/** Runs `once` repeatedly for `ms` milliseconds. */
async function warmUp(ms: number, once: () => Promise<unknown>): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) await once();
}

export interface IdleSweepTimes {
  /** `services.slaSweep.run()` with nothing due, ms each, every round's. */
  hub: number[];
  /** BEGIN; the sweep's locking SELECT (LIMIT 500, as a batch); COMMIT via pg, ms each, every round's. */
  floor: number[];
  /** The same runs by round, in the order they ran (hub, then floor, round after round). */
  rounds: { hub: number[]; floor: number[] }[];
}

/**
 * `rounds` × `runs` sweeps with the clock at `at`, when nothing is due, and as many runs of the floor — the transaction
 * with the locking due-referral scan alone — via pg: each side warmed up first, then a round of each side after the
 * other. Throws if a timed sweep finds anything to do: it would not be idle (the warm-up's may catch up).
 */
export async function measureIdleSweep(ctx: BenchContext, at: Date, runs: number, rounds = 1): Promise<IdleSweepTimes> {
  const sweep = ctx.env.hub.services.slaSweep;
  const admin = ctx.env.admin;
  const previous = ctx.env.clock.now();
  ctx.env.clock.set(at);
  try {
    const hubRun = async (): Promise<number> => {
      const { ms, value } = await timed(() => sweep.run());
      if (value.examined !== 0) throw new Error(`the idle sweep at ${at.toISOString()} examined ${value.examined} referrals`);
      return ms;
    };
    const floorRun = async (): Promise<void> => {
      await admin.query('BEGIN');
      await admin.query(`${SWEEP_SELECT} LIMIT 500 FOR UPDATE SKIP LOCKED`, [at]);
      await admin.query('COMMIT');
    };
    await warmUp(WARM_UP_MS, () => sweep.run());
    await warmUp(WARM_UP_MS, floorRun);
    const measured: IdleSweepTimes['rounds'] = [];
    for (let round = 0; round < rounds; round++) {
      const times = { hub: [] as number[], floor: [] as number[] };
      for (let i = 0; i < runs; i++) times.hub.push(await hubRun());
      for (let i = 0; i < runs; i++) times.floor.push((await timed(floorRun)).ms);
      measured.push(times);
    }
    return { hub: measured.flatMap((r) => r.hub), floor: measured.flatMap((r) => r.floor), rounds: measured };
  } finally {
    ctx.env.clock.set(previous);
  }
}

/**
 * One side's p99: the p99 of each round, and the median of those. A burst of the machine's background work
 * (autovacuum, a checkpoint, a garbage collection) falls in one round of sub-millisecond runs and does not set the figure.
 */
export function idleP99(times: IdleSweepTimes, side: 'hub' | 'floor'): number {
  return median(times.rounds.map((round) => summarise(round[side]).p99));
}
