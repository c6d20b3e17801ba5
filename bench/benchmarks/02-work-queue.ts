import { Benchmark, BenchContext } from '../lib/benchmark';
import { BENCH_NOW } from '../lib/environment';
import { IDLE_WARM_UP, idleP99, IdleSweepTimes, measureIdleSweep } from '../lib/idle-sweep';
import { combineLoads, LoadRequest, LoadResult, runLoad } from '../lib/load';
import { profiledRound } from '../lib/cpu-profile';
import { CapturedStatement } from '../lib/pg-counter';
import { explainSummary, explainText, PlanSummary } from '../lib/plan';
import { ratioTarget } from '../lib/report';
import { workQueueQuery } from '../lib/samples';
import { combineRounds, LatencySummary, summarise, timedRuns } from '../lib/stats';

const FIRST = 50;
/** The hub's p99 against the same SQL through pg: at most this multiple. */
const TARGET_P99_RATIO = 2;
/**
 * From one stage of the data set to the next (10× the referrals) a p99 may grow at most this much: as an index's
 * depth, not as the table.
 */
const TARGET_GROWTH = 1.3;
/**
 * The idle sweep of the growth figures runs an hour before anything was filed (the data set's sla_check_at are all
 * later), so it finds nothing and changes nothing that benchmark 3 later sweeps.
 */
const IDLE_AT = new Date(Date.parse(BENCH_NOW) - 2 * 3600_000);

/**
 * The index change this benchmark proposes (not in the migrations yet): the liaison branches of the
 * work queue read (function, state) in due order, so the index carries the order columns. Replaces
 * the two (function, state) indexes, whose prefix every other use keeps.
 */
const PROPOSED_INDEXES = [
  {
    name: 'referral_originating_function_state_idx',
    columns: 'originating_function_id, state, next_due_at, submitted_at',
    old: 'originating_function_id, state',
  },
  {
    name: 'referral_receiving_function_state_idx',
    columns: 'receiving_function_id, state, next_due_at, submitted_at',
    old: 'receiving_function_id, state',
  },
];

interface Measurement {
  /** The statements of the first liaison's request, with their times. */
  sample: CapturedStatement[];
  hub: LoadResult;
  floor: LatencySummary;
  plans: PlanSummary[];
  busiest: number;
  queueSql: CapturedStatement[];
  statements: number;
}

/** The liaisons' work queues requested over HTTP one at a time, round-robin. */
function queueLoad(ctx: BenchContext, requests: LoadRequest[], seconds: number): Promise<LoadResult> {
  return runLoad({ mode: 'sequential', url: ctx.env.graphqlUrl, connections: 1, durationSeconds: seconds, requests });
}

async function measure(ctx: BenchContext, requests: LoadRequest[], seconds: number): Promise<Measurement> {
  // The SQL the hub sends for each liaison's queue, captured at the pg driver: the baseline runs exactly it.
  const queueSql: CapturedStatement[] = [];
  let statements = 0;
  let sample: CapturedStatement[] = [];
  for (const request of requests) {
    const measured = await ctx.counter.measure(async () => {
      const response = (await (
        await fetch(ctx.env.graphqlUrl, { method: 'POST', headers: request.headers, body: request.body })
      ).json()) as {
        errors?: unknown;
        data?: { myWorkQueue: { nodes: unknown[] } };
      };
      if (response.errors) throw new Error(`myWorkQueue failed: ${JSON.stringify(response.errors)}`);
      return response.data!.myWorkQueue.nodes.length;
    });
    const statement = measured.captured.find((s) => /FROM "?referral"? /.test(s.text) && /LIMIT/i.test(s.text));
    if (!statement) throw new Error(`no referral query captured: ${measured.captured.map((s) => s.text.slice(0, 80)).join(' / ')}`);
    queueSql.push(statement);
    statements = Math.max(statements, measured.statements);
    if (!sample.length) sample = measured.captured;
  }

  // Plans: every liaison's queue query must be answered from indexes.
  const plans: PlanSummary[] = [];
  for (const statement of queueSql) plans.push(await explainSummary(ctx.env.admin, statement, 'referral'));
  const busiest = plans.reduce((best, plan, i) => (plan.scannedRows > plans[best].scannedRows ? i : best), 0);

  // Interleaved rounds of the hub and the same SQL, so a slower stretch of the machine falls on both sides.
  const rounds = ctx.options.quick ? 1 : 4;
  const roundSeconds = seconds / rounds;
  ctx.log(
    `${rounds} round(s) of ${roundSeconds} s each: myWorkQueue(first: ${FIRST}) over HTTP, one request at a time, ${requests.length} liaisons round-robin, ` +
      `then the same SQL run directly with pg, one at a time…`,
  );
  const direct = await ctx.env.direct();
  const hubRounds: LoadResult[] = [];
  const floorRounds: LatencySummary[] = [];
  try {
    const run = async (runSeconds: number): Promise<number[]> =>
      (
        await timedRuns(runSeconds, 1, (_, i) => {
          const statement = queueSql[i % queueSql.length];
          return direct.query(statement.text, statement.values);
        })
      ).samples;
    await queueLoad(ctx, requests, Math.min(3, seconds));
    await run(Math.min(3, seconds));
    for (let round = 0; round < rounds; round++) {
      const hubRound = await queueLoad(ctx, requests, roundSeconds);
      if (hubRound.failed) throw new Error(`${hubRound.failed} failed requests: ${hubRound.errorSample}`);
      hubRounds.push(hubRound);
      floorRounds.push(summarise(await run(roundSeconds)));
    }
  } finally {
    await direct.end();
  }
  const hub = combineLoads(hubRounds);
  return { sample, hub, floor: combineRounds(floorRounds), plans, busiest, queueSql, statements };
}

function planNote(m: Measurement): string {
  const plan = m.plans[m.busiest];
  return (
    `busiest liaison: ${plan.scannedRows.toLocaleString('en-US')} referral rows read, ${plan.executionMs.toFixed(1)} ms in EXPLAIN ANALYZE; ` +
    `indexes used across liaisons: ${[...new Set(m.plans.flatMap((p) => p.indexes))].join(', ')}; plan: ${plan.shape}`
  );
}

async function indexColumns(ctx: BenchContext, name: string): Promise<string | null> {
  const { rows } = await ctx.env.admin.query<{ def: string }>(
    `SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'referral' AND indexname = $1`,
    [name],
  );
  return rows[0]?.def.match(/\((.*)\)/)?.[1] ?? null;
}

async function replaceIndexes(ctx: BenchContext, to: 'proposed' | 'old'): Promise<void> {
  for (const index of PROPOSED_INDEXES) {
    await ctx.env.admin.query(`DROP INDEX IF EXISTS "${index.name}"`);
    await ctx.env.admin.query(`CREATE INDEX "${index.name}" ON referral (${to === 'proposed' ? index.columns : index.old})`);
  }
  await ctx.env.admin.query('ANALYZE referral');
}

interface Stage {
  generated: number;
  m: Measurement;
  idle: IdleSweepTimes;
}

/** How a p99 grew from one stage of the data set to the next, hub and baseline; the hub's growth has the target. */
function growthFigures(ctx: BenchContext, what: string, stages: Stage[], p99: (stage: Stage) => { hub: number; floor: number }): void {
  for (let i = 1; i < stages.length; i++) {
    const [small, large] = [stages[i - 1], stages[i]];
    const sizes = `${small.generated.toLocaleString('en-US')} → ${large.generated.toLocaleString('en-US')} referrals`;
    const [before, after] = [p99(small), p99(large)];
    ctx.figure({
      name: `${what} p99 growth, ${sizes}`,
      value: after.hub,
      unit: 'ms',
      better: 'lower',
      baseline: before.hub,
      baselineLabel: `the hub's p99 at ${small.generated.toLocaleString('en-US')}`,
      target: ratioTarget(after.hub, before.hub, 'lower', TARGET_GROWTH, `the p99 at the smaller size`),
      note: `the SQL alone via pg: ${before.floor.toFixed(2)} → ${after.floor.toFixed(2)} ms (${(after.floor / before.floor).toFixed(2)}×)`,
    });
  }
}

export const benchmark: Benchmark = {
  title: 'Work queue at scale, and how cost grows with the data',
  async run(ctx) {
    // Enough samples that a p99 is not one scheduler hiccup (the growth targets compare p99s measured minutes apart).
    const seconds = ctx.options.quick ? 3 : 20;
    // An idle sweep takes half a millisecond: its p99 is the median of 5 rounds' (of 1,000 each), so a burst of
    // background work in one round (autovacuum of the audit rows the queue load wrote, a collection) does not set it.
    const idleRuns = ctx.options.quick ? 50 : 1000;
    const idleRounds = ctx.options.quick ? 1 : 5;
    const liaisons = ctx.org.functions.flatMap((f) => f.liaisonIds);
    const body = JSON.stringify({ query: workQueueQuery(FIRST) });
    const requests: LoadRequest[] = await Promise.all(
      liaisons.map(async (id) => ({
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.env.token(id)}` },
        body,
      })),
    );

    // The same measurements at each stage of the data set, smallest first: the last is the full set.
    const stages: Stage[] = [];
    for (const generated of ctx.datasetStages) {
      await ctx.dataset(generated);
      ctx.env.clock.set(BENCH_NOW);
      ctx.log(`${generated.toLocaleString('en-US')} referrals generated:`);
      const m = await measure(ctx, requests, seconds);
      const idle = await measureIdleSweep(ctx, IDLE_AT, idleRuns, idleRounds);
      stages.push({ generated, m, idle });
    }
    const dataset = await ctx.dataset();
    const { m } = stages[stages.length - 1];
    if (ctx.options.profile) {
      const run = () => queueLoad(ctx, requests, seconds);
      await profiledRound(ctx, 'work-queue', { what: `the same myWorkQueue(first: ${FIRST}) requests`, seconds, run, unit: 'requests/s' });
    }
    // At the full size only: on a smaller stage's table a sequential scan can rightly be the cheaper plan.
    const seqScans = m.plans.reduce((n, plan) => n + plan.seqScans.filter((t) => t === 'referral').length, 0);
    ctx.figure({
      name: `myWorkQueue(first: ${FIRST}) latency p50`,
      value: m.hub.latency.p50,
      unit: 'ms',
      better: 'lower',
      baseline: m.floor.p50,
      baselineLabel: 'same SQL via pg',
    });
    ctx.figure({
      name: `myWorkQueue(first: ${FIRST}) latency p99`,
      value: m.hub.latency.p99,
      unit: 'ms',
      better: 'lower',
      baseline: m.floor.p99,
      baselineLabel: 'same SQL via pg',
      target: ratioTarget(m.hub.latency.p99, m.floor.p99, 'lower', TARGET_P99_RATIO, 'the same SQL via pg'),
    });
    ctx.figure({
      name: 'sequential scans of referral in the queue plans',
      value: seqScans,
      unit: '',
      better: 'equal',
      target: {
        text: '0: the plan uses indexes',
        pass: seqScans === 0,
        absolute: 'a property of the plans, not a time: one sequential scan is a fault at any size',
      },
      note: `${m.plans.length} liaisons' plans checked at the full size`,
    });
    ctx.figure({ name: 'SQL statements per myWorkQueue request (excl. BEGIN/COMMIT)', value: m.statements, unit: '', better: 'lower' });
    growthFigures(ctx, `myWorkQueue(first: ${FIRST})`, stages, (stage) => ({ hub: stage.m.hub.latency.p99, floor: stage.m.floor.p99 }));
    growthFigures(ctx, 'idle sweep (nothing due)', stages, (stage) => ({
      hub: idleP99(stage.idle, 'hub'),
      floor: idleP99(stage.idle, 'floor'),
    }));
    ctx.note(
      `${dataset.description} The clock is ${BENCH_NOW}. Hub: \`myWorkQueue(first: ${FIRST})\` with the fields of a work-queue screen (state, clocks, available actions, originator, assignee, functions), ` +
        `requested one at a time over HTTP (keep-alive) for ${seconds} s, cycling through all ${liaisons.length} liaisons; ${m.hub.successful.toLocaleString('en-US')} requests, latency measured per request with hrtime. ` +
        `Baseline: the SQL statement the hub sent for each liaison (captured at the pg driver) run directly, one at a time, same order; ${m.floor.count.toLocaleString('en-US')} runs. ` +
        `After a warm-up of each, ${ctx.options.quick ? 1 : 4} interleaved rounds (hub, then baseline) share the ${seconds} s of each side; a percentile is the mean of the rounds'.`,
    );
    ctx.note(
      `Growth: the data set is loaded in stages (${stages.map((s) => s.generated.toLocaleString('en-US')).join(', ')} generated referrals; each a uniform sample of the next), ` +
        `and the same measurements ran at each: the work queue as above, and ${idleRounds} rounds of ${idleRuns} idle sweeps (\`services.slaSweep.run()\` with the clock at ${IDLE_AT.toISOString()}, before every stored sla_check_at), ` +
        `each round beside as many runs of their transaction alone via pg (BEGIN; the locking due-referral SELECT; COMMIT), ${IDLE_WARM_UP}; an idle sweep's p99 is the median of its rounds' p99s. ` +
        `Target: from one stage to the next (10× the rows) a p99 grows at most ${TARGET_GROWTH}×, as the depth of an index does. Per stage (hub p99 / SQL p99): ` +
        stages
          .map(
            (s) =>
              `${s.generated.toLocaleString('en-US')}: work queue ${s.m.hub.latency.p99.toFixed(2)} / ${s.m.floor.p99.toFixed(2)} ms, ` +
              `idle sweep ${idleP99(s.idle, 'hub').toFixed(2)} / ${idleP99(s.idle, 'floor').toFixed(2)} ms`,
          )
          .join('; ') +
        '.',
    );
    ctx.note(`Plan with the schema as migrated — ${planNote(m)}.`);
    ctx.verbose(
      'the statements of one myWorkQueue request (first request of a liaison, so not warm)',
      m.sample
        .map(
          (st, i) =>
            `${String(i + 1).padStart(3)}. ${(st.ms ?? 0).toFixed(2).padStart(6)} ms  ${st.text.replace(/\s+/g, ' ').slice(0, 150)}`,
        )
        .join('\n'),
    );
    ctx.verbose(`EXPLAIN (ANALYZE, BUFFERS) of the busiest liaison's queue`, await explainText(ctx.env.admin, m.queueSql[m.busiest]));

    // What-if: the proposed index change, built on this throw-away database only, then undone.
    const current = await Promise.all(PROPOSED_INDEXES.map((index) => indexColumns(ctx, index.name)));
    if (current.every((columns, i) => columns === PROPOSED_INDEXES[i].columns)) {
      ctx.note('The proposed (function, state, next_due_at, submitted_at) indexes are in the migrations: no what-if run.');
      return;
    }
    if (current.some((columns, i) => columns !== PROPOSED_INDEXES[i].old)) {
      ctx.note(`Indexes differ from both the migrated and the proposed shape (${current.join('; ')}): no what-if run.`);
      return;
    }
    ctx.log('what-if: the proposed (function, state, next_due_at, submitted_at) indexes on this benchmark database…');
    await replaceIndexes(ctx, 'proposed');
    try {
      const w = await measure(ctx, requests, seconds);
      const label = 'with the proposed index (what-if)';
      ctx.figure({
        name: `${label}: latency p50`,
        value: w.hub.latency.p50,
        unit: 'ms',
        better: 'lower',
        baseline: w.floor.p50,
        baselineLabel: 'same SQL via pg',
      });
      ctx.figure({
        name: `${label}: latency p99`,
        value: w.hub.latency.p99,
        unit: 'ms',
        better: 'lower',
        baseline: w.floor.p99,
        baselineLabel: 'same SQL via pg',
        note: `would ${ratioTarget(w.hub.latency.p99, w.floor.p99, 'lower', TARGET_P99_RATIO).pass ? 'PASS' : 'FAIL'} the ≤ ${TARGET_P99_RATIO}× target`,
      });
      ctx.note(
        `What-if (not in the migrations yet): ${PROPOSED_INDEXES.map((i) => `\`${i.name}\` on (${i.columns}) instead of (${i.old})`).join(' and ')}, ` +
          `built on this benchmark's database for the measurement and dropped again. Plan — ${planNote(w)}.`,
      );
      ctx.verbose(
        `EXPLAIN (ANALYZE, BUFFERS) of the busiest liaison's queue with the proposed index`,
        await explainText(ctx.env.admin, w.queueSql[w.busiest]),
      );
    } finally {
      await replaceIndexes(ctx, 'old');
    }
  },
};
