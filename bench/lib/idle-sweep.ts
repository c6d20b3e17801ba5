import { BenchContext } from './benchmark';
import { timed } from './stats';

/** The due-referral scan of the SLA sweep, as the hub's sweep sends it (the baselines run exactly this). */
export const SWEEP_SELECT = `SELECT id, state, originating_function_id, receiving_function_id, assignee_id, review_due_at, ack_due_at, completion_due_at
  FROM referral WHERE sla_check_at <= $1 ORDER BY sla_check_at`;

/** Sweeps run and thrown away before the timed ones (plans, caches). */
const WARM_UP = 3;

export interface IdleSweepTimes {
  /** `services.slaSweep.run()` with nothing due, ms each. */
  hub: number[];
  /** BEGIN; the sweep's locking SELECT (LIMIT 500, as a batch); COMMIT via pg, ms each. */
  floor: number[];
}

/**
 * `runs` sweeps with the clock at `at`, when nothing is due (after unmeasured ones that may catch up), then as many runs of the floor — the transaction with the
 * locking due-referral scan alone — via pg. Throws if a sweep finds anything to do: it would not be idle.
 */
export async function measureIdleSweep(ctx: BenchContext, at: Date, runs: number): Promise<IdleSweepTimes> {
  const sweep = ctx.env.hub.services.slaSweep;
  const admin = ctx.env.admin;
  const previous = ctx.env.clock.now();
  ctx.env.clock.set(at);
  try {
    const hub: number[] = [];
    for (let i = 0; i < WARM_UP + runs; i++) {
      const { ms, value } = await timed(() => sweep.run());
      if (i < WARM_UP) continue;
      if (value.examined !== 0) throw new Error(`the idle sweep at ${at.toISOString()} examined ${value.examined} referrals`);
      hub.push(ms);
    }
    const floor: number[] = [];
    for (let i = 0; i < WARM_UP + runs; i++) {
      const { ms } = await timed(async () => {
        await admin.query('BEGIN');
        await admin.query(`${SWEEP_SELECT} LIMIT 500 FOR UPDATE SKIP LOCKED`, [at]);
        await admin.query('COMMIT');
      });
      if (i >= WARM_UP) floor.push(ms);
    }
    return { hub, floor };
  } finally {
    ctx.env.clock.set(previous);
  }
}
