import 'reflect-metadata';
import { QUEUES } from '../../src/platform/notifications/job-queue';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { freePort, parseSamples, Sample, sampleValue } from '../support/prometheus';
import { act, fileReferral } from '../support/referral-operations';
import { startSmtpPeer } from '../support/smtp-peer';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs, tecsMutation } from '../support/tecs-operations';
import { eventually } from '../support/wait';

const TOKEN = 'scrape-token-for-the-metrics-test';
let hub: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;
let metricsUrl: string;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z', env: { METRICS_PORT: String(await freePort()), METRICS_TOKEN: TOKEN } });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
  metricsUrl = hub.hub.observability.metricsServer!.url;
});

afterAll(() => hub.stop());

async function scrape(url = metricsUrl): Promise<Sample[]> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return parseSamples(await response.text());
}

/** How much each sample moved between two scrapes. */
const moved = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}): number =>
  sampleValue(after, name, labels) - sampleValue(before, name, labels);

const clockLabels = (subject: string, clock: string) => ({ subject, clock });

describe('GET /metrics', () => {
  it('is served on its own listener, not on the API port, and only with the token', async () => {
    expect(new URL(metricsUrl).port).not.toBe(new URL(hub.url).port);
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
    const ok = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    expect((await fetch(new URL('/metrics', hub.url), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('times requests by operation and counts errors by code', async () => {
    const before = await scrape();
    const count = (operation: string) => ['hub_graphql_request_duration_seconds_count', { operation }] as const;
    const countOrZero = (samples: Sample[], operation: string) =>
      samples.find((s) => s.name === count(operation)[0] && s.labels.operation === operation)?.value ?? 0;
    dataOf(await hub.request(org.people.admin.id, '{ me { id } }'));
    dataOf(await hub.request(org.people.admin.id, 'query Me { me { id } }'));
    expect(errorCodeOf(await hub.request({}, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(await hub.request(org.people.admin.id, '{ me { nope } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    expect(countOrZero(after, 'me') - countOrZero(before, 'me')).toBe(2);
    expect(countOrZero(after, '(unauthenticated)') - countOrZero(before, '(unauthenticated)')).toBe(1);
    expect(countOrZero(after, '(invalid)') - countOrZero(before, '(invalid)')).toBe(1);
    const errors = (samples: Sample[], code: string) =>
      samples.find((s) => s.name === 'hub_graphql_errors_total' && s.labels.code === code)?.value ?? 0;
    expect(errors(after, 'UNAUTHENTICATED') - errors(before, 'UNAUTHENTICATED')).toBe(1);
    expect(errors(after, 'GRAPHQL_VALIDATION_FAILED') - errors(before, 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(sampleValue(after, 'hub_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'hub_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sampleValue(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('gauges running and breached clocks and the notices waiting, from the database', async () => {
    const start = await scrape();
    const filed = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const afterFiling = await scrape();
    expect(moved(start, afterFiling, 'hub_open_clocks', clockLabels('referral', 'REVIEW'))).toBe(1);
    expect(moved(start, afterFiling, 'hub_notices', { status: 'PENDING' })).toBeGreaterThan(0);

    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id });
    const afterForward = await scrape();
    expect(moved(afterFiling, afterForward, 'hub_open_clocks', clockLabels('referral', 'REVIEW'))).toBe(-1);
    expect(moved(afterFiling, afterForward, 'hub_open_clocks', clockLabels('referral', 'ACKNOWLEDGMENT'))).toBe(1);
    expect(moved(afterFiling, afterForward, 'hub_open_clocks', clockLabels('referral', 'COMPLETION'))).toBe(1);
    expect(moved(afterFiling, afterForward, 'hub_breached_clocks', clockLabels('referral', 'ACKNOWLEDGMENT'))).toBe(0);

    // Ten days later nobody has acknowledged (3 business days) and no worker has sent a notice.
    hub.clock.set('2026-12-03T14:00:00Z');
    const late = await scrape();
    expect(moved(afterForward, late, 'hub_breached_clocks', clockLabels('referral', 'ACKNOWLEDGMENT'))).toBe(1);
    expect(moved(afterForward, late, 'hub_breached_clocks', clockLabels('referral', 'COMPLETION'))).toBe(0);
    expect(sampleValue(late, 'hub_notice_oldest_pending_age_seconds')).toBe(10 * 24 * 3600);

    const lookout = await putOnLookout(hub, tecsPeople, tecsPeople.clevelandRo.id, tecsPeople.clevelandGm.id, CLEVELAND_REQUEST);
    const crossing = dataOf(
      await hub.request(tecsPeople.dhsClient.id, tecsMutation('reportCrossing'), {
        input: {
          dhsReportId: 'DHS-2026-1203-0001',
          lookoutId: lookout.id,
          taxpayerName: CLEVELAND_REQUEST.taxpayerName,
          dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
          placeOfCrossing: 'Detroit, MI',
          crossedAt: '2026-12-03T13:30:00Z',
          direction: 'INBOUND',
          documentNumber: 'P123456789',
        },
      }),
    ).reportCrossing;
    const beforeOi = await scrape();
    await tecs(hub, tecsPeople.coordinator.id, 'openInvestigation', { crossingId: crossing.id });
    const afterOi = await scrape();
    expect(moved(beforeOi, afterOi, 'hub_open_clocks', clockLabels('investigation', 'DUE'))).toBe(1);
    hub.clock.set('2026-12-31T14:00:00Z');
    expect(moved(afterOi, await scrape(), 'hub_breached_clocks', clockLabels('investigation', 'DUE'))).toBe(1);
  });

  it('times SLA sweeps and counts what they record where the workers run; dead letters show as FAILED', async () => {
    // A second instance (same database and keys) runs the workers; its SMTP server rejects every
    // recipient permanently, so every notice it tries becomes a dead letter.
    const smtp = await startSmtpPeer();
    smtp.mode = 'reject';
    const worker = await startTestHub({
      database: hub.database,
      now: hub.clock.now().toISOString(),
      env: {
        DATA_DIR: hub.config.dataDir,
        JOBS_ENABLED: 'true',
        JOB_POLLING_SECONDS: '1',
        SMTP_URL: smtp.url,
        METRICS_PORT: String(await freePort()),
        METRICS_TOKEN: TOKEN,
      },
    });
    try {
      const url = worker.hub.observability.metricsServer!.url;
      const before = await scrape(url);
      expect(sampleValue(before, 'hub_sla_sweep_duration_seconds_count')).toBe(0);
      await worker.hub.jobs.boss.send(QUEUES.slaSweep, {});
      const after = await eventually(async () => {
        const samples = await scrape(url);
        return sampleValue(samples, 'hub_sla_sweep_duration_seconds_count') >= 1 ? samples : null;
      });
      const recorded = async (kind: string) =>
        Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM referral_sla_event WHERE kind = $1`, [kind]))[0].n);
      expect(await recorded('BREACH')).toBeGreaterThan(0);
      for (const kind of ['REMINDER', 'BREACH', 'ESCALATION']) {
        expect(sampleValue(after, 'hub_sla_events_total', { subject: 'referral', kind })).toBe(await recorded(kind));
      }
      expect(sampleValue(after, 'hub_sla_events_total', { subject: 'investigation', kind: 'BREACH' })).toBe(1);

      const failed = await eventually(async () => {
        const samples = await scrape(url);
        return sampleValue(samples, 'hub_notices', { status: 'PENDING' }) === 0 ? samples : null;
      }, 30_000);
      const [{ n }] = await hub.database.dataSource.query(`SELECT count(*) AS n FROM notification WHERE status = 'FAILED'`);
      expect(Number(n)).toBeGreaterThan(0);
      expect(sampleValue(failed, 'hub_notices', { status: 'FAILED' })).toBe(Number(n));
      expect(sampleValue(failed, 'hub_notice_oldest_pending_age_seconds')).toBe(0);
    } finally {
      await worker.stop();
      await smtp.stop();
    }
  }, 60_000);
});
