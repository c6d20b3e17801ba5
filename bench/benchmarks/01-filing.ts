import { Client } from 'pg';
import { federalBusinessCalendar } from '../../src/platform/calendar/business-calendar';
import { validateReferralContent } from '../../src/modules/referrals/forms/form-content';
import { sealedContentColumn, tinHashesOf } from '../../src/modules/referrals/forms/sealed-content';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import type { Category4442 } from '../../src/modules/referrals/forms/form-4442';
import { ReferralClocks } from '../../src/modules/referrals/referral-clocks';
import { QUEUES } from '../../src/platform/notifications/job-queue';
import { Benchmark, BenchContext } from '../lib/benchmark';
import { profiledRound } from '../lib/cpu-profile';
import { BENCH_NOW } from '../lib/environment';
import { combineLoads, LoadRequest, LoadResult, LoadSpec, runLoad } from '../lib/load';
import { ratioTarget } from '../lib/report';
import { BenchFunction } from '../lib/org';
import { FILE_REFERRAL, SAMPLE_14566, SAMPLE_4442 } from '../lib/samples';
import { combineRounds, formatNumber, LatencySummary, summarise, timedRuns } from '../lib/stats';

const CONNECTIONS = 32;
/** Filers: this many employees, spread over the functions, each filing with the next function. */
const FILERS = 64;
/** The hub's filings per second against the same writes through pg: at least this share. */
const TARGET_THROUGHPUT_SHARE = 0.4;
/** The hub's p99 against the pg transaction's p99: at most this multiple. */
const TARGET_P99_RATIO = 3;

/** One measured stretch of either side: filings made, in how long, and their latency. */
interface Round {
  filed: number;
  seconds: number;
  latency: LatencySummary;
}

/** The baseline's clients, kept open across rounds. */
interface Baseline {
  run(seconds: number): Promise<Round>;
  /** Statements per filing (excluding BEGIN/COMMIT). */
  statements(): number;
  close(): Promise<void>;
}

interface Filer {
  employeeId: string;
  from: BenchFunction;
  to: BenchFunction;
  form: ReferralForm.F14566 | ReferralForm.F4442;
}

function filers(ctx: BenchContext): Filer[] {
  const fns = ctx.org.functions;
  return Array.from({ length: FILERS }, (_, i) => {
    const from = fns[i % fns.length];
    const to = fns[(i + 1 + (i % 7)) % fns.length];
    // Three of four are Form 14566 (no catalogue look-up), one a Form 4442 (category resolved).
    return {
      employeeId: from.workerIds[Math.floor(i / fns.length) % from.workerIds.length],
      from,
      to,
      form: i % 4 === 3 ? ReferralForm.F4442 : ReferralForm.F14566,
    };
  });
}

function contentInput(form: Filer['form']) {
  return form === ReferralForm.F14566 ? { form14566: SAMPLE_14566 } : { form4442: SAMPLE_4442 };
}

/**
 * The floor: the writes fileReferral makes — the referral row (reference number from the same
 * sequence), its FILE history row, the REFERRAL_FILED notice to each originating liaison and its
 * pg-boss delivery job (pg-boss's own insert statement, as the hub sends it) — in one transaction per
 * filing, from `connections` concurrent pg clients, with no reads, no GraphQL and no ORM.
 */
async function openBaseline(ctx: BenchContext, list: Filer[]): Promise<Baseline> {
  const now = ctx.env.clock.now();
  const clocks = new ReferralClocks(federalBusinessCalendar);
  const category = (
    await ctx.env.admin.query<Category4442>(
      `SELECT code, requires_dln AS "requiresDln", irm_reference AS "irmReference", first_call_wait_days AS "firstCallWaitDays",
              archived_return_needs_dln AS "archivedReturnNeedsDln", deleted_more_than_days AS "deletedMoreThanDays",
              requires_ro_authentication AS "requiresRoAuthentication"
         FROM referral_category WHERE name = $1`,
      [SAMPLE_4442.category],
    )
  ).rows[0];
  const rows = list.map((filer) => {
    const { content } = validateReferralContent(filer.form, contentInput(filer.form) as never, {
      now,
      category4442: filer.form === ReferralForm.F4442 ? category : null,
    });
    const reviewDueAt = clocks.reviewDueAt(now, filer.from.timeZone);
    return {
      filer,
      prefix: filer.form === ReferralForm.F14566 ? '14566' : '4442',
      // Stored as the hub stores it (TINs sealed, their hashes beside), sealed once here: the hub's rows and these are alike.
      content: JSON.stringify(sealedContentColumn.to(content)),
      tinHashes: tinHashesOf(content),
      category: filer.form === ReferralForm.F4442 ? category.code : null,
      reviewDueAt: reviewDueAt.toISOString(),
      recipients: filer.from.liaisonIds.filter((id) => id !== filer.employeeId),
      facts: JSON.stringify({ actorId: filer.employeeId, clock: 'REVIEW', dueAt: reviewDueAt.toISOString() }),
    };
  });
  const boss = ctx.env.hub.jobs.boss;
  const clients: Client[] = await Promise.all(Array.from({ length: CONNECTIONS }, () => ctx.env.direct()));
  let statements = 0;
  let next = 0;
  const fileOne = async (client: Client) => {
    const row = rows[next++ % rows.length];
    const at = now.toISOString();
    await client.query('BEGIN');
    const {
      rows: [referral],
    } = await client.query<{ id: string }>(
      `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id,
         category_code, content, tin_hashes, submitted_at, review_due_at, next_due_at, elevation_level, elevation_holder_ids, sla_check_at)
       VALUES ($1 || '-2026-' || lpad(nextval('referral_number_seq')::text, 6, '0'), $2, 'SUBMITTED', 1, $3, $4, $5, $6, $7, $10, $8, $9, $9, 0, '{}', $8)
       RETURNING id, created_at, updated_at, version`,
      [
        row.prefix,
        row.filer.form,
        row.filer.employeeId,
        row.filer.from.id,
        row.filer.to.id,
        row.category,
        row.content,
        at,
        row.reviewDueAt,
        row.tinHashes,
      ],
    );
    await client.query(
      `INSERT INTO referral_history (referral_id, action, from_state, to_state, actor_id, at, note, details)
       VALUES ($1, 'FILE', NULL, 'SUBMITTED', $2, $3, NULL, NULL) RETURNING id`,
      [referral.id, row.filer.employeeId, at],
    );
    const { rows: notices } = await client.query<{ id: string }>(
      `INSERT INTO notification (kind, recipient_id, referral_id, urgent, status, facts, created_at)
       SELECT 'REFERRAL_FILED', recipient, $2, false, 'PENDING', $3, $4 FROM unnest($1::uuid[]) AS recipient
       RETURNING id`,
      [row.recipients, referral.id, row.facts, at],
    );
    await boss.insert(
      notices.map((n) => ({ name: QUEUES.deliver, data: { notificationId: n.id } })),
      { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await client.query(text, values)).rows }) } },
    );
    await client.query('COMMIT');
    return 4;
  };
  return {
    statements: () => statements,
    async run(seconds: number): Promise<Round> {
      const runs = await timedRuns(seconds, clients.length, async (lane) => {
        statements = await fileOne(clients[lane]);
      });
      return { filed: runs.samples.length, seconds: runs.seconds, latency: summarise(runs.samples) };
    },
    close: () => Promise.all(clients.map((client) => client.end())).then(() => undefined),
  };
}

async function referralCount(ctx: BenchContext): Promise<number> {
  return Number((await ctx.env.admin.query<{ n: string }>('SELECT count(*) AS n FROM referral')).rows[0].n);
}

export const benchmark: Benchmark = {
  title: 'Filing throughput',
  async run(ctx) {
    // Interleaved rounds: a slower stretch of the machine's day falls on both sides, not on one.
    const ROUNDS = ctx.options.quick ? 1 : 4;
    const roundSeconds = ctx.options.quick ? 5 : 8;
    const seconds = ROUNDS * roundSeconds;
    // The hub's warm-up is longer: V8 takes some 20 s of this load to optimise the request path (the filings per
    // CPU second keep rising until then); a server runs warm, so that is the state worth measuring.
    const floorWarmup = ctx.options.quick ? 2 : 5;
    const hubWarmup = ctx.options.quick ? 2 : 20;
    // Filed one hour before the data set's "now": their review clocks (and sla_check_at) are settled by
    // the catch-up sweep of benchmark 3 before anything is measured there.
    ctx.env.clock.set(new Date(Date.parse(BENCH_NOW) - 3600_000));
    const list = filers(ctx);
    const requests: LoadRequest[] = await Promise.all(
      list.map(async (filer) => ({
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.env.token(filer.employeeId)}` },
        body: JSON.stringify({
          query: FILE_REFERRAL,
          variables: { input: { form: filer.form, receivingFunctionId: filer.to.id, content: contentInput(filer.form) } },
        }),
      })),
    );

    // Statements per filing, counted at the pg driver (one request, nothing else running on the hub), after one
    // unmeasured filing: the steady state, without the first filing's one-off reads (the closures, cached per version).
    const file = () =>
      fetch(ctx.env.graphqlUrl, { method: 'POST', headers: requests[0].headers, body: requests[0].body }).then((r) => r.json());
    await file();
    const one = await ctx.counter.measure(file);
    if ((one.value as { errors?: unknown }).errors) throw new Error(`fileReferral failed: ${JSON.stringify(one.value)}`);
    ctx.verbose(
      `the statements of one fileReferral (${one.statements} + ${one.transactionControl} BEGIN/COMMIT)`,
      one.captured
        .map(
          (st, i) =>
            `${String(i + 1).padStart(3)}. ${(st.ms ?? 0).toFixed(2).padStart(6)} ms  ${st.text.replace(/\s+/g, ' ').slice(0, 150)}`,
        )
        .join('\n'),
    );

    const floor = await openBaseline(ctx, list);
    const load: LoadSpec = {
      mode: 'autocannon',
      url: ctx.env.graphqlUrl,
      connections: CONNECTIONS,
      durationSeconds: roundSeconds,
      requests,
    };
    const hubRounds: LoadResult[] = [];
    const floorRounds: Round[] = [];
    let written: number;
    try {
      ctx.log(`warm-up: the same writes with pg for ${floorWarmup} s, then fileReferral over HTTP for ${hubWarmup} s…`);
      await floor.run(floorWarmup);
      await runLoad({ ...load, durationSeconds: hubWarmup });
      await ctx.env.settle();
      const before = await referralCount(ctx);
      ctx.log(
        `${ROUNDS} rounds of ${roundSeconds} s each: the same writes with pg, ${CONNECTIONS} connections, then fileReferral over HTTP, autocannon ${CONNECTIONS} connections…`,
      );
      for (let round = 0; round < ROUNDS; round++) {
        floorRounds.push(await floor.run(roundSeconds));
        hubRounds.push(await runLoad(load));
      }
      await ctx.env.settle();
      written = (await referralCount(ctx)) - before - floorRounds.reduce((sum, r) => sum + r.filed, 0);
    } finally {
      await floor.close();
    }
    const hub = combineLoads(hubRounds);
    const filed = floorRounds.reduce((sum, r) => sum + r.filed, 0);
    const baseline = {
      filed,
      perSecond: filed / floorRounds.reduce((sum, r) => sum + r.seconds, 0),
      latency: combineRounds(floorRounds.map((r) => r.latency)),
    };
    ctx.verbose(
      'rounds (filings/s: pg, hub)',
      floorRounds
        .map((r, i) => `${i + 1}. ${formatNumber(r.filed / r.seconds)}, ${formatNumber(hubRounds[i].throughputPerSecond)}`)
        .join('\n'),
    );
    if (hub.failed > 0) ctx.log(`${hub.failed} failed requests, e.g. ${hub.errorSample}`);
    if (hub.successful === 0) throw new Error(`no successful filing: ${hub.errorSample}`);

    ctx.figure({
      name: `fileReferral throughput (${CONNECTIONS} connections)`,
      value: hub.throughputPerSecond,
      unit: 'filings/s',
      better: 'higher',
      baseline: baseline.perSecond,
      baselineLabel: 'same writes via pg',
      target: ratioTarget(hub.throughputPerSecond, baseline.perSecond, 'higher', TARGET_THROUGHPUT_SHARE),
    });
    ctx.figure({
      name: 'fileReferral latency p50',
      value: hub.latency.p50,
      unit: 'ms',
      better: 'lower',
      baseline: baseline.latency.p50,
      baselineLabel: 'pg transaction p50',
    });
    ctx.figure({
      name: 'fileReferral latency p99',
      value: hub.latency.p99,
      unit: 'ms',
      better: 'lower',
      baseline: baseline.latency.p99,
      baselineLabel: 'pg transaction p99',
      target: ratioTarget(hub.latency.p99, baseline.latency.p99, 'lower', TARGET_P99_RATIO, "the pg transaction's p99"),
    });
    ctx.figure({
      name: 'SQL statements per filing (excl. BEGIN/COMMIT)',
      value: one.statements,
      unit: '',
      better: 'lower',
      baseline: floor.statements(),
      baselineLabel: 'the writes alone',
    });
    ctx.note(
      `Hub: \`fileReferral\` over HTTP (GraphQL, JWT, caller lookup, validation, one transaction), autocannon with ${CONNECTIONS} connections, ` +
        `${list.length} employees of ${new Set(list.map((f) => f.from.id)).size} functions filing round-robin (3 of 4 Form 14566, 1 of 4 Form 4442). ` +
        `Baseline: ${CONNECTIONS} pg connections in the benchmark process, each looping over the same writes in one transaction per filing ` +
        `(INSERT referral with nextval, its content stored as the hub stores it — TINs sealed, their hashes beside; INSERT referral_history, INSERT notification per originating liaison, pg-boss's job insert), ` +
        `each statement sent unnamed, as pg does by default (the hub runs its fixed-text writes as prepared statements, parsed and planned once per connection: src/platform/database/prepared-statements.ts). ` +
        `The hub writes more than the baseline: its mutation audit row and the live-update NOTIFY, in the same transaction. ` +
        `After warm-ups (baseline ${floorWarmup} s, hub ${hubWarmup} s), ${ROUNDS} rounds of ${roundSeconds} s, each the baseline then the hub, on the same tables ` +
        `(which held only the organisation and the filings of this benchmark): throughput is each side's filings over its ${seconds} s, latency the mean of its rounds' percentiles ` +
        `(hub: ${hub.latencyResolution}; baseline: hrtime per transaction). ` +
        `Hub: ${hub.successful.toLocaleString('en-US')} successful responses, ${hub.failed} failed; ${written.toLocaleString('en-US')} referral rows written by them. ` +
        `Baseline: ${baseline.filed.toLocaleString('en-US')} filings.`,
    );

    if (ctx.options.profile) {
      await profiledRound(ctx, 'filing', {
        what: 'the same filing load',
        seconds,
        run: () => runLoad({ ...load, durationSeconds: seconds }),
        unit: 'filings/s',
      });
    }
  },
};
