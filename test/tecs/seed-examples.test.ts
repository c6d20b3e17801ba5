import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { CLEVELAND_REQUEST, createTecsOrganisation, HONG_KONG_REQUEST, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs, tecsMutation } from '../support/tecs-operations';
import { eventually } from '../support/wait';

let smtp: SmtpPeer;
let hub: TestHub;
let people: TecsPeople;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  // Workers poll only every 30 s here: a coordinator e-mail within seconds proves express delivery.
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z', env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '30' } });
  people = await createTecsOrganisation(hub.services);
});

afterAll(async () => {
  await hub.stop();
  await smtp.stop();
});

const mailsTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));

async function activeLookout(ro: string, gm: string, request: Record<string, unknown>) {
  const active = await putOnLookout(hub, people, ro, gm, request);
  expect(active).toMatchObject({ state: 'ACTIVE', tinMasked: expect.stringMatching(/\*\*\*-\*\*-\d{4}/) });
  return active;
}

describe('seed 000, example 1: the Cleveland truck driver crossing from Canada', () => {
  it('runs request → GM → coordinator → CI → crossing → e-mail → OI → levy → remains on the lookout', async () => {
    const lookout = await activeLookout(people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
    expect(lookout).toMatchObject({
      balanceDue: '141000.00',
      collectionCase: { status: 'ARCHIVED' },
      closureCode: 'CNC – Unable to Contact',
    });

    // One month later DHS reports the crossing from Canada, with a U.S. employer, address and phone.
    hub.clock.set('2026-04-02T16:30:00Z');
    smtp.messages.length = 0;
    const reported = await hub.request(people.dhsClient.id, tecsMutation('reportCrossing'), {
      input: {
        dhsReportId: 'DHS-2026-0402-7781',
        taxpayerName: 'robert t haulwell',
        dateOfBirth: '1972-04-18',
        placeOfCrossing: 'Detroit, MI (Ambassador Bridge)',
        crossedAt: '2026-04-02T16:05:00Z',
        direction: 'INBOUND',
        documentNumber: 'P123456789',
        usEmployer: 'Great Lakes Freight LLC',
        usAddress: '77 Harbor Rd, Toledo, OH',
        phone: '419-555-0177',
      },
    });
    const returnedAt = Date.now();
    const crossing = dataOf(reported).reportCrossing;
    expect(crossing).toMatchObject({ status: 'NEW', flagged: false, timeCritical: false });

    // The coordinator is e-mailed at once (high priority); the GM and RO are informed.
    const [coordinatorMail] = await eventually(
      async () => (mailsTo('tecs.coordinator@example.gov').length ? mailsTo('tecs.coordinator@example.gov') : null),
      10_000,
    );
    const latencyMs = coordinatorMail.acceptedAt.getTime() - returnedAt;
    console.log(`reportCrossing → coordinator e-mail accepted by SMTP: ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(5_000);
    expect(coordinatorMail.subject).toContain(crossing.referenceNumber);
    expect(coordinatorMail.raw).toMatch(/X-Priority: 1/);
    for (const secret of ['Haulwell', 'HAULWELL', '6789', 'Great Lakes', 'P123456789']) expect(coordinatorMail.raw).not.toContain(secret);
    await eventually(async () => mailsTo('cleveland.gm@example.gov').length > 0 && mailsTo('cleveland.ro@example.gov').length > 0, 10_000);

    const queue = dataOf(
      await hub.request(people.coordinator.id, `{ tecsCoordinatorQueue { crossings { id } lookouts { id } } }`),
    ).tecsCoordinatorQueue;
    expect(queue.crossings[0].id).toBe(crossing.id);

    // The coordinator opens an OI; the case was archived (CNC), so a case record is created first.
    const oi = await tecs(hub, people.coordinator.id, 'openInvestigation', {
      crossingId: crossing.id,
      note: 'U.S. employer reported by DHS',
    });
    expect(oi).toMatchObject({
      state: 'ISSUED',
      kind: 'OTHER_INVESTIGATION',
      groupManager: { email: 'cleveland.gm@example.gov' },
      revenueOfficer: { email: 'cleveland.ro@example.gov' },
      collectionCase: { status: 'OPEN' },
    });
    expect(oi.collectionCase.caseNumber).not.toBe(lookout.collectionCase.caseNumber);
    expect(oi.dueAt).toBe('2026-04-10T03:59:59.999Z'); // 5 business days (OI_DUE_BUSINESS_DAYS) in the GM's zone

    // The employer is a new levy source: the RO levies, closes the OI, and the taxpayer remains on the lookout.
    const closed = await tecs(hub, people.clevelandRo.id, 'closeInvestigation', {
      investigationId: oi.id,
      outcomes: ['NEW_LEVY_SOURCE', 'LEVY_ISSUED'],
      lookoutDisposition: 'REMAIN',
      note: 'Continuous wage levy on the U.S. employer',
    });
    expect(closed).toMatchObject({ state: 'CLOSED', lookoutDisposition: 'REMAIN', lookout: { state: 'ACTIVE' } });

    const history = dataOf(
      await hub.request(
        people.coordinator.id,
        `query($id: UUID!) { lookoutHistory(lookoutId: $id) { subjectType action toState details } }`,
        { id: lookout.id },
      ),
    ).lookoutHistory;
    expect(history.map((h: { subjectType: string; action: string }) => `${h.subjectType}:${h.action}`)).toEqual([
      'LOOKOUT:REQUEST',
      'LOOKOUT:APPROVE',
      'LOOKOUT:ACCEPT',
      'LOOKOUT:CONFIRM_ENTRY',
      'CASE:CASE_CREATED_FROM_ARCHIVE',
      'CASE:LOOKOUT_INFORMATION',
      'INVESTIGATION:ISSUED',
      'INVESTIGATION:CLOSED',
      'LOOKOUT:CONFIRM_REMAINS',
    ]);
    expect(history.find((h: { action: string }) => h.action === 'LOOKOUT_INFORMATION').details).toMatchObject({
      usEmployer: 'Great Lakes Freight LLC',
    });
  });
});

describe('seed 000, example 2: the Hong Kong taxpayer in a Miami hotel for three days', () => {
  it('runs the time-critical path: OI due before departure, re-issued to a Miami RO, full pay, removal from TECS', async () => {
    hub.clock.set('2026-03-02T14:00:00Z');
    const lookout = await activeLookout(people.intlRo.id, people.intlGm.id, HONG_KONG_REQUEST);

    hub.clock.set('2027-03-01T20:00:00Z');
    const report = {
      dhsReportId: 'DHS-2027-0301-0042',
      lookoutId: lookout.id,
      taxpayerName: 'Mei Ling Chan',
      dateOfBirth: '1980-09-02',
      placeOfCrossing: 'Miami International Airport, FL',
      crossedAt: '2027-03-01T19:40:00Z',
      direction: 'INBOUND',
      documentNumber: 'K08812345',
      stayingAt: 'Bayfront Hotel, Miami',
      plannedDepartureAt: '2027-03-04T15:00:00Z',
      nextDestination: 'Mexico City, Mexico',
    };
    const crossing = dataOf(await hub.request(people.dhsClient.id, tecsMutation('reportCrossing'), { input: report })).reportCrossing;
    expect(crossing).toMatchObject({ timeCritical: true, flagged: false });

    // The same DHS report again: the same crossing, no second one, no second e-mail.
    await eventually(async () => mailsTo('tecs.coordinator@example.gov').some((m) => m.subject.includes(crossing.referenceNumber)));
    const again = dataOf(await hub.request(people.dhsClient.id, tecsMutation('reportCrossing'), { input: report })).reportCrossing;
    expect(again.id).toBe(crossing.id);
    expect(
      Number(
        (await hub.database.dataSource.query(`SELECT count(*) AS n FROM crossing WHERE dhs_report_id = $1`, [report.dhsReportId]))[0].n,
      ),
    ).toBe(1);
    expect(
      Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM notification WHERE subject_id = $1`, [crossing.id]))[0].n),
    ).toBe(3);

    const oi = await tecs(hub, people.coordinator.id, 'openInvestigation', { crossingId: crossing.id });
    expect(oi).toMatchObject({ timeCritical: true, dueAt: '2027-03-04T15:00:00.000Z', groupManager: { email: 'intl.gm@example.gov' } });
    await eventually(async () => mailsTo('intl.gm@example.gov').some((m) => m.subject.includes(oi.referenceNumber)), 10_000);

    // Before the GM re-issues it, the Miami RO may not see any of it.
    expect(errorCodeOf(await hub.request(people.miamiRo.id, `query($id: UUID!) { lookout(id: $id) { id } }`, { id: lookout.id }))).toBe(
      'FORBIDDEN',
    );

    const reissued = await tecs(hub, people.intlGm.id, 'reissueInvestigation', {
      investigationId: oi.id,
      groupManagerId: people.miamiGm.id,
      revenueOfficerId: people.miamiRo.id,
      note: 'Taxpayer leaves Miami in three days',
    });
    expect(reissued).toMatchObject({ groupManager: { email: 'miami.gm@example.gov' }, revenueOfficer: { email: 'miami.ro@example.gov' } });
    await eventually(async () => mailsTo('miami.ro@example.gov').some((m) => m.subject.includes(oi.referenceNumber)), 10_000);
    const visible = dataOf(
      await hub.request(people.miamiRo.id, `query($id: UUID!) { lookout(id: $id) { taxpayerName } }`, { id: lookout.id }),
    );
    expect(visible.lookout.taxpayerName).toBe('Mei Ling Chan');

    // The Miami RO meets the taxpayer at the hotel and secures full payment: remove from TECS.
    const closed = await tecs(hub, people.miamiRo.id, 'closeInvestigation', {
      investigationId: oi.id,
      outcomes: ['CONTACT_MADE', 'FULL_PAYMENT_SECURED'],
      lookoutDisposition: 'REMOVE',
    });
    expect(closed.lookout.state).toBe('REMOVAL_REQUESTED');
    await tecs(hub, people.coordinator.id, 'forwardLookoutRemoval', { lookoutId: lookout.id });
    const removed = await tecs(hub, people.ciAgent.id, 'confirmLookoutRemoval', { lookoutId: lookout.id });
    expect(removed.state).toBe('REMOVED');

    // A later report no longer matches an active lookout: kept and flagged, never dropped.
    const late = dataOf(
      await hub.request(people.dhsClient.id, tecsMutation('reportCrossing'), { input: { ...report, dhsReportId: 'DHS-2028-0101-0001' } }),
    ).reportCrossing;
    expect(late).toMatchObject({ flagged: true, status: 'NEW' });
  });
});
