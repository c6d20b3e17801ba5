import { Client } from 'pg';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { BENCH_NOW, BenchEnvironment } from './environment';
import { BenchOrg } from './org';
import { SAMPLE_14566, SAMPLE_3210, SAMPLE_4442 } from './samples';
import { msSince } from './stats';

export interface DatasetSpec {
  /** Referrals generated (on top of those the benchmarks file themselves). */
  referrals: number;
  /** Sets of referrals that breach together: set 0 for the SQL baseline, 1.. for the hub's sweep runs. */
  armedSets: number;
  /** Referrals per armed set (10,000 in the full run). */
  perSet: number;
  /**
   * Where an armed set's rows lie in the table. clustered: one block of consecutive rows per set, as
   * referrals whose clocks end together were written (filed, forwarded, assigned) around the same time;
   * scattered: every n-th row, each on its own heap page (the worst case for the sweep).
   */
  layout: 'clustered' | 'scattered';
}

export interface Dataset {
  spec: DatasetSpec;
  /** Generated referrals loaded so far: a stage of `spec.referrals` (see datasetStages). */
  generated: number;
  /** The clock of the sweep that finds armed set k just breached (its due instant was 30 s earlier). */
  sweepAt: Date[];
  /** Seconds spent loading, all stages so far. */
  loadSeconds: number;
  historyRows: number;
  stateCounts: Record<string, number>;
  description: string;
}

/** Minutes after BENCH_NOW at which armed set k is swept. */
const SET_SPACING_MINUTES = 5;

export function sweepInstant(set: number): Date {
  return new Date(Date.parse(BENCH_NOW) + (set + 1) * SET_SPACING_MINUTES * 60_000);
}

async function time<T>(log: (message: string) => void, what: string, work: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const value = await work();
  log(`  ${what}: ${(msSince(start) / 1000).toFixed(1)} s`);
  return value;
}

/** Three referrals filed through the hub, one per form: their stored content is the template of the generated rows. */
async function fileTemplates(env: BenchEnvironment, org: BenchOrg): Promise<{ id: string; form: string; category: string | null }[]> {
  const [from, to] = org.functions;
  const worker = await env.hub.services.org.loadCaller(from.workerIds[0]);
  // Only a revenue officer files a Form 3210 (IRM 25.25.6.2.3(1)-(2)).
  const revenueOfficer = await env.hub.services.org.loadCaller(org.revenueOfficerId);
  env.clock.set(new Date(Date.parse(BENCH_NOW) - 3600_000));
  const ids: string[] = [];
  for (const [form, content, caller] of [
    [ReferralForm.F14566, { form14566: SAMPLE_14566 }, worker],
    [ReferralForm.F4442, { form4442: SAMPLE_4442 }, worker],
    [ReferralForm.F3210, { form3210: SAMPLE_3210 }, revenueOfficer],
  ] as const) {
    ids.push((await env.hub.services.referrals.file(caller, { form, receivingFunctionId: to.id, content: content as never })).id);
  }
  const { rows } = await env.admin.query<{ id: string; form: string; category_code: string | null }>(
    'SELECT id, form, category_code FROM referral WHERE id = ANY($1)',
    [ids],
  );
  return rows.map((row) => ({ id: row.id, form: row.form, category: row.category_code }));
}

/**
 * $1 rows in all (numbered 1..$1: the full data set); this statement inserts one stage of them, every row whose number
 * is a multiple of $13 and not of $14 (0: the first stage). $12: whether armed sets are blocks of rows; `copied`:
 * extra column names copied from the template row of the form (e.g. tin_hashes).
 */
function generateReferrals(copied: string[]): string {
  return `
INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id,
  assignee_id, category_code, content, submitted_at, review_due_at, received_at, ack_due_at, acknowledged_at,
  completion_due_at, completed_at, closed_at, next_due_at, actions_taken, resolution_code, elevation_level,
  elevation_holder_ids, sla_check_at, created_at, updated_at${copied.map((c) => `, ${c}`).join('')})
WITH x AS MATERIALIZED (
  SELECT g,
         floor(random() * $2::int)::int AS o,
         -- receivers are skewed: a few functions (RICS teams, CI) receive most referrals
         floor($2::int * power(random(), 2))::int AS rcv,
         random() AS s, random() AS fm, random() AS rw, random() AS ra, random() AS rd, random() AS ro, random() AS re, random() AS rs
    FROM generate_series($13::int, $1::int, $13::int) AS g
   -- a stage: the rows whose number is a multiple of its step and not of the previous (coarser) stage's
   WHERE $14::int = 0 OR g % $14::int <> 0
), y AS (
  SELECT x.*,
         CASE WHEN $12::boolean THEN (CASE WHEN (g - 1) % ($1::int / $4::int) < $5::int AND (g - 1) / ($1::int / $4::int) < $4::int
                                           THEN (g - 1) / ($1::int / $4::int) END)
              WHEN g % $3::int = 0 AND g / $3::int <= $4::int * $5::int THEN (g / $3::int) % $4::int END AS armed,
         CASE WHEN rcv = o THEN (o + 1) % $2::int ELSE rcv END AS r
    FROM x
), z AS MATERIALIZED (
  SELECT y.*,
         CASE WHEN armed IS NOT NULL THEN (CASE WHEN s < 0.4 THEN 'SUBMITTED' WHEN s < 0.7 THEN 'FORWARDED' ELSE 'ASSIGNED' END)
              WHEN s < 0.12 THEN 'SUBMITTED' WHEN s < 0.16 THEN 'RETURNED' WHEN s < 0.28 THEN 'FORWARDED'
              WHEN s < 0.40 THEN 'ACKNOWLEDGED' WHEN s < 0.85 THEN 'ASSIGNED' ELSE 'COMPLETED' END AS state,
         CASE WHEN fm < 0.6 THEN 'F14566' WHEN fm < 0.9 THEN 'F4442' ELSE 'F3210' END AS form
    FROM y
), j AS MATERIALIZED (
  SELECT z.*, fo.id AS fo_id, fo.liaison AS fo_liaison, fr.id AS fr_id, fr.liaison AS fr_liaison,
         ow.id AS originator, aw.id AS assignee,
         -- the zone of the function whose clock runs: review → originating, the others → receiving
         CASE WHEN z.state = 'SUBMITTED' THEN fo.tz ELSE fr.tz END AS tz
    FROM z
    JOIN bench_fn fo ON fo.i = z.o
    JOIN bench_fn fr ON fr.i = z.r
    JOIN bench_worker ow ON ow.fn = z.o AND ow.k = floor(z.rw * fo.worker_count)::int
    JOIN bench_worker aw ON aw.fn = z.r AND aw.k = floor(z.ra * fr.worker_count)::int
), d AS MATERIALIZED (
  -- clocks end at 23:59:59.999 local time of the acting function; an armed set's clocks all ended
  -- together, 30 s before its sweep
  SELECT j.*,
         CASE WHEN armed IS NOT NULL THEN ($6::timestamptz[])[armed + 1] - interval '30 seconds'
              ELSE (date_trunc('day', (CASE WHEN ro < 0.05 THEN $7::timestamptz - (interval '1 day' + rd * interval '20 days')
                                            WHEN state = 'SUBMITTED' THEN $7::timestamptz + (interval '1 day' + rd * interval '3 days')
                                            ELSE $7::timestamptz + (interval '1 day' + rd * interval '30 days') END) AT TIME ZONE tz)
                    + interval '1 day' - interval '1 millisecond') AT TIME ZONE tz END AS due,
         (armed IS NULL AND ro < 0.05) AS overdue
    FROM j
), t AS MATERIALIZED (
  SELECT d.*,
         CASE state
           WHEN 'SUBMITTED' THEN due - interval '4 days'
           WHEN 'RETURNED' THEN $7::timestamptz - rd * interval '20 days' - interval '1 day'
           WHEN 'FORWARDED' THEN due - interval '4 days'
           WHEN 'COMPLETED' THEN $7::timestamptz - rd * interval '10 days' - interval '11 days'
           ELSE due - interval '31 days' END AS submitted,
         CASE state
           WHEN 'FORWARDED' THEN due - interval '3 days'
           WHEN 'ACKNOWLEDGED' THEN due - interval '30 days'
           WHEN 'ASSIGNED' THEN due - interval '30 days'
           WHEN 'COMPLETED' THEN $7::timestamptz - rd * interval '10 days' - interval '10 days' END AS received
    FROM d
)
SELECT CASE form WHEN 'F14566' THEN '14566' WHEN 'F4442' THEN '4442' ELSE '3210' END || '-2026-B' || lpad(g::text, 8, '0'),
       form, state,
       CASE state WHEN 'SUBMITTED' THEN 1 WHEN 'RETURNED' THEN 2 WHEN 'FORWARDED' THEN 2 WHEN 'ACKNOWLEDGED' THEN 3 WHEN 'ASSIGNED' THEN 4 ELSE 5 END,
       originator, fo_id, fr_id,
       CASE WHEN state IN ('ASSIGNED', 'COMPLETED') THEN assignee END,
       CASE WHEN form = 'F4442' THEN $8::text END,
       tpl.tpl_content,
       submitted,
       CASE WHEN state = 'SUBMITTED' THEN due END,
       received,
       CASE WHEN state = 'FORWARDED' THEN due WHEN received IS NOT NULL THEN received + interval '3 days' END,
       CASE WHEN state IN ('ACKNOWLEDGED', 'ASSIGNED', 'COMPLETED') THEN received + interval '1 day' END,
       CASE WHEN state IN ('ACKNOWLEDGED', 'ASSIGNED') THEN due WHEN received IS NOT NULL THEN received + interval '30 days' END,
       CASE WHEN state = 'COMPLETED' THEN received + interval '9 days' END,
       NULL,
       CASE WHEN state IN ('RETURNED', 'COMPLETED') THEN NULL WHEN state = 'FORWARDED' THEN LEAST(due, received + interval '30 days') ELSE due END,
       CASE WHEN state = 'COMPLETED' THEN ARRAY['Actions documented by the assignee'] END,
       NULL,
       -- disagreements are rare: 0.2 % of the open referrals are elevated to the two liaisons
       CASE WHEN re < 0.002 THEN 1 ELSE 0 END,
       CASE WHEN re < 0.002 THEN ARRAY[fo_liaison, fr_liaison] ELSE '{}'::uuid[] END,
       CASE WHEN state IN ('RETURNED', 'COMPLETED') THEN NULL
            WHEN armed IS NOT NULL THEN due + interval '1 millisecond'
            WHEN overdue THEN CASE WHEN rs < 0.5 THEN $7::timestamptz + interval '2 hours' + rd * interval '1 day' END
            ELSE GREATEST(due - interval '1 day', $7::timestamptz + interval '1 hour') END,
       submitted,
       $7::timestamptz${copied.map((c) => `, tpl.tpl_${c}`).join('')}
  FROM t
  JOIN (SELECT id AS tpl_id, content AS tpl_content${copied.map((c) => `, ${c} AS tpl_${c}`).join('')} FROM referral WHERE id IN ($9::uuid, $10::uuid, $11::uuid)) tpl
    ON tpl.tpl_id = (CASE t.form WHEN 'F14566' THEN $9::uuid WHEN 'F4442' THEN $10::uuid ELSE $11::uuid END)`;
}

/** Columns of referral the generator does not know (added by later migrations) and copies from the template of the form. */
const COPIED_IF_PRESENT = ['tin_hashes'];

const GENERATE_HISTORY = `
INSERT INTO referral_history (referral_id, action, from_state, to_state, actor_id, at)
SELECT r.id, s.action, s.from_state, s.to_state, CASE WHEN s.action = 'COMPLETE' THEN r.assignee_id ELSE r.originator_id END, s.at
  FROM referral r
 CROSS JOIN LATERAL (VALUES
   (1, 'FILE', NULL, 'SUBMITTED', r.created_at),
   (2, CASE WHEN r.state = 'RETURNED' THEN 'RETURN_INCOMPLETE' ELSE 'FORWARD' END, 'SUBMITTED',
       CASE WHEN r.state = 'RETURNED' THEN 'RETURNED' ELSE 'FORWARDED' END, COALESCE(r.received_at, r.submitted_at + interval '1 day')),
   (3, 'ACKNOWLEDGE', 'FORWARDED', 'ACKNOWLEDGED', r.acknowledged_at),
   (4, 'ASSIGN', 'ACKNOWLEDGED', 'ASSIGNED', r.acknowledged_at + interval '1 hour'),
   (5, 'COMPLETE', 'ASSIGNED', 'COMPLETED', r.completed_at)
 ) AS s(step, action, from_state, to_state, at)
 WHERE r.reference_number LIKE '%-B%' AND s.step <= r.version
   AND right(r.reference_number, 8)::int % $1::int = 0 AND ($2::int = 0 OR right(r.reference_number, 8)::int % $2::int <> 0)`;

/**
 * The stages the data set is loaded in, as steps: stage k holds the rows numbered by a multiple of its step, so it is
 * a uniform sample of the full set and every later stage adds the rows in between. N/10 then N (N/100, N/10 and N
 * from 10,000,000 up): how cost grows is measured from one stage to the next.
 */
function stageSteps(referrals: number): number[] {
  return referrals >= 10_000_000 ? [100, 10, 1] : [10, 1];
}

/** Generated referrals in each stage's data set, smallest first; the last is `spec.referrals`. */
export function datasetStages(spec: DatasetSpec): number[] {
  return stageSteps(spec.referrals).map((step) => Math.floor(spec.referrals / step));
}

/**
 * Loads `spec.referrals` referrals with generate_series, stage by stage (datasetStages): every one open (not CLOSED,
 * WITHDRAWN or RETURNED_NO_TPP), spread over states, forms, 50 originating functions (uniform) and receiving
 * functions (skewed), 2,000 employees; 5 % overdue, 0.2 % elevated; a history of 1–5 rows each. `sla_check_at` is in
 * the future (≥ 1 h) for every row with a running clock except the armed sets, whose clock fell due 30 s before their
 * sweep instant. For each stage, secondary indexes are dropped during the load and rebuilt from their own
 * definitions afterwards; then VACUUM ANALYZE and CHECKPOINT.
 */
export class DatasetLoader {
  readonly stages: number[];
  private loaded = 0;
  private loadSeconds = 0;
  private historyRows = 0;
  private templates: Promise<{ id: string; form: string; category: string | null }[]> | null = null;
  /** Loads run one after the other, whoever asks. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The data set as last loaded (null before the first stage). */
  latest: Dataset | null = null;

  constructor(
    private readonly env: BenchEnvironment,
    private readonly org: BenchOrg,
    readonly spec: DatasetSpec,
    private readonly log: (message: string) => void,
  ) {
    this.stages = datasetStages(spec);
  }

  /** The data set with `generated` referrals (a stage; the full set by default): loads the stages up to it, never shrinks. */
  at(generated = this.spec.referrals): Promise<Dataset> {
    const stage = this.stages.indexOf(generated);
    const next = this.queue.then(async () => {
      if (stage < 0) throw new Error(`${generated} referrals is no stage of the data set (${this.stages.join(', ')})`);
      if (this.loaded > stage + 1)
        throw new Error(`the data set already holds ${this.stages[this.loaded - 1]} referrals, more than ${generated}`);
      while (this.loaded <= stage) this.latest = await this.loadStage(this.loaded);
      return this.latest!;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async loadStage(stage: number): Promise<Dataset> {
    const { env, org, spec, log } = this;
    const steps = stageSteps(spec.referrals);
    const started = process.hrtime.bigint();
    const client: Client = await env.direct();
    try {
      log(
        `loading ${spec.referrals.toLocaleString('en-US')} referrals, stage ${stage + 1} of ${steps.length} (up to ${this.stages[stage].toLocaleString('en-US')}; ` +
          `${spec.armedSets} × ${spec.perSet.toLocaleString('en-US')} breaching together in the full set)…`,
      );
      const templates = await (this.templates ??= fileTemplates(env, org));
      const template = (form: string) => templates.find((t) => t.form === form)!;
      await client.query(`SET maintenance_work_mem = '512MB'`);
      await client.query(`SET synchronous_commit = off`);
      await client.query(
        'CREATE TEMP TABLE bench_fn (i int PRIMARY KEY, id uuid NOT NULL, liaison uuid NOT NULL, worker_count int NOT NULL, tz text NOT NULL)',
      );
      await client.query('CREATE TEMP TABLE bench_worker (fn int, k int, id uuid NOT NULL, PRIMARY KEY (fn, k))');
      await client.query('INSERT INTO bench_fn SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::int[], $5::text[])', [
        org.functions.map((f) => f.index),
        org.functions.map((f) => f.id),
        org.functions.map((f) => f.liaisonIds[0]),
        org.functions.map((f) => f.workerIds.length),
        org.functions.map((f) => f.timeZone),
      ]);
      const workers = org.functions.flatMap((f) => f.workerIds.map((id, k) => ({ fn: f.index, k, id })));
      await client.query('INSERT INTO bench_worker SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[])', [
        workers.map((w) => w.fn),
        workers.map((w) => w.k),
        workers.map((w) => w.id),
      ]);
      await client.query('ANALYZE bench_fn; ANALYZE bench_worker');

      const { rows: indexes } = await client.query<{ name: string; def: string }>(
        `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid IN ('referral'::regclass, 'referral_history'::regclass)
            AND NOT i.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      );
      for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
      let triggersOff = false;
      try {
        // Skips foreign-key checks during the load (superuser only; the generator only uses existing ids).
        await client.query(`SET session_replication_role = replica`);
        triggersOff = true;
      } catch {
        log('  (not a superuser: foreign keys are checked during the load)');
      }

      const stride = Math.floor(spec.referrals / (spec.armedSets * spec.perSet));
      if (stride < 1) throw new Error('more armed referrals than referrals');
      const step = steps[stage];
      const previousStep = stage > 0 ? steps[stage - 1] : 0;
      const sweepAt = Array.from({ length: spec.armedSets }, (_, set) => sweepInstant(set));
      const { rows: present } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'referral' AND column_name = ANY($1)`,
        [COPIED_IF_PRESENT],
      );
      await time(log, 'referrals (generate_series)', () =>
        client.query(generateReferrals(present.map((c) => c.column_name)), [
          spec.referrals,
          org.functions.length,
          stride,
          spec.armedSets,
          spec.perSet,
          sweepAt.map((d) => d.toISOString()),
          BENCH_NOW,
          template(ReferralForm.F4442).category,
          template(ReferralForm.F14566).id,
          template(ReferralForm.F4442).id,
          template(ReferralForm.F3210).id,
          spec.layout === 'clustered',
          step,
          previousStep,
        ]),
      );
      const history = await time(log, 'history', () => client.query(GENERATE_HISTORY, [step, previousStep]));
      this.historyRows += history.rowCount ?? 0;
      if (triggersOff) await client.query('RESET session_replication_role');
      await time(log, `${indexes.length} secondary indexes rebuilt`, async () => {
        for (const index of indexes) await client.query(index.def);
      });
      await time(log, 'VACUUM ANALYZE + CHECKPOINT', async () => {
        await client.query('VACUUM (ANALYZE) referral, referral_history');
        await client.query('CHECKPOINT').catch(() => undefined);
      });
      const { rows: counts } = await client.query<{ state: string; n: string }>(
        'SELECT state, count(*) AS n FROM referral GROUP BY state ORDER BY state',
      );
      const stateCounts = Object.fromEntries(counts.map((row) => [row.state, Number(row.n)]));
      const total = Object.values(stateCounts).reduce((a, b) => a + b, 0);
      this.loadSeconds += msSince(started) / 1000;
      this.loaded = stage + 1;
      const generated = this.stages[stage];
      const description =
        `${total.toLocaleString('en-US')} referrals in the table (${generated.toLocaleString('en-US')} generated, every one open: ` +
        Object.entries(stateCounts)
          .map(([state, n]) => `${state} ${((100 * n) / total).toFixed(0)} %`)
          .join(', ') +
        `), ${this.historyRows.toLocaleString('en-US')} history rows, across ${org.functions.length} functions and ${org.employeeCount.toLocaleString('en-US')} employees; ` +
        `forms 60/30/10 % (14566/4442/3210, content and sealed TINs as the hub stored them), receivers skewed, due instants at the end of a local day, 5 % overdue, 0.2 % elevated; ` +
        `loaded in ${this.loadSeconds.toFixed(0)} s${
          this.stages.length > 1
            ? ` (in ${this.loaded} stage${this.loaded > 1 ? 's' : ''}: ${this.stages
                .slice(0, this.loaded)
                .map((n) => n.toLocaleString('en-US'))
                .join(', ')})`
            : ''
        }.`;
      log(`  ${description}`);
      return { spec, generated, sweepAt, loadSeconds: this.loadSeconds, historyRows: this.historyRows, stateCounts, description };
    } finally {
      await client.end();
    }
  }
}
