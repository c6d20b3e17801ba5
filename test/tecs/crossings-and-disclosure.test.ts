import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs, tecsMutation } from '../support/tecs-operations';

let hub: TestHub;
let people: TecsPeople;
let lookoutId: string;

const REPORT = {
  dhsReportId: 'DHS-A-1',
  taxpayerName: 'Robert T. Haulwell',
  dateOfBirth: '1972-04-18',
  placeOfCrossing: 'Detroit, MI',
  crossedAt: '2026-04-02T16:05:00Z',
  direction: 'INBOUND',
  documentNumber: 'P123456789',
  usEmployer: 'Great Lakes Freight LLC',
  usAddress: '77 Harbor Rd, Toledo, OH',
  phone: '419-555-0177',
};

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
  lookoutId = (await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST)).id;
  hub.clock.set('2026-04-02T16:30:00Z');
});

afterAll(() => hub.stop());

const report = (input: Record<string, unknown>, as = people.dhsClient.id) =>
  hub.request(as, tecsMutation('reportCrossing'), { input: { ...REPORT, ...input } });

describe('the DHS interface', () => {
  it('may report crossings and nothing else; nobody else may report', async () => {
    expect(dataOf(await report({})).reportCrossing.flagged).toBe(false);
    expect(errorCodeOf(await hub.request(people.dhsClient.id, `{ lookouts { nodes { id } } }`))).toBe('FORBIDDEN');
    expect(errorCodeOf(await hub.request(people.dhsClient.id, `{ me { id } }`))).toBe('FORBIDDEN');
    expect(errorCodeOf(await hub.request(people.dhsClient.id, `{ referrals { edges { cursor } } }`))).toBe('FORBIDDEN');
    expect(errorCodeOf(await report({ dhsReportId: 'DHS-A-2' }, people.coordinator.id))).toBe('FORBIDDEN');
  });

  it('validates reports and writes nothing when they are malformed', async () => {
    const response = await report({
      dhsReportId: ' ',
      crossedAt: '2030-01-01T00:00:00Z',
      plannedDepartureAt: '2026-04-01T00:00:00Z',
    });
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual([
      'input.crossedAt',
      'input.dhsReportId',
      'input.plannedDepartureAt',
    ]);
  });

  it('refuses a date of birth that is not a LocalDate (YYYY-MM-DD) in the schema itself', async () => {
    for (const dateOfBirth of ['18/04/1972', '1972-02-30']) {
      const response = await report({ dhsReportId: 'DHS-A-BAD-DATE', dateOfBirth });
      expect(response.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'input.dateOfBirth', message: expect.stringContaining('LocalDate') }],
      });
    }
    expect(await hub.database.dataSource.query(`SELECT 1 FROM crossing WHERE dhs_report_id = 'DHS-A-BAD-DATE'`)).toEqual([]);
  });

  it('creates one crossing for two simultaneous deliveries of the same report', async () => {
    const [a, b] = await Promise.all([report({ dhsReportId: 'DHS-A-3' }), report({ dhsReportId: 'DHS-A-3' })]);
    expect(dataOf(a).reportCrossing.id).toBe(dataOf(b).reportCrossing.id);
  });

  it('keeps and flags a report that matches no lookout on the list', async () => {
    const unmatched = dataOf(await report({ dhsReportId: 'DHS-A-4', taxpayerName: 'Somebody Else' })).reportCrossing;
    expect(unmatched.flagged).toBe(true);
    const opened = await hub.request(people.coordinator.id, tecsMutation('openInvestigation'), { input: { crossingId: unmatched.id } });
    expect(errorCodeOf(opened)).toBe('BAD_USER_INPUT');
    const dismissed = await tecs(hub, people.coordinator.id, 'dismissCrossing', {
      crossingId: unmatched.id,
      reason: 'Not one of our taxpayers',
    });
    expect(dismissed.status).toBe('DISMISSED');
  });

  it('answers CONFLICT (WRONG_STATE) for a crossing no longer waiting for the coordinator, as every lifecycle does', async () => {
    const crossing = dataOf(await report({ dhsReportId: 'DHS-A-5', taxpayerName: 'Somebody Else Again' })).reportCrossing;
    await tecs(hub, people.coordinator.id, 'dismissCrossing', { crossingId: crossing.id, reason: 'Not one of our taxpayers' });
    const again = await hub.request(people.coordinator.id, tecsMutation('dismissCrossing'), {
      input: { crossingId: crossing.id, reason: 'Twice' },
    });
    const opened = await hub.request(people.coordinator.id, tecsMutation('openInvestigation'), { input: { crossingId: crossing.id } });
    for (const response of [again, opened]) {
      expect(errorCodeOf(response)).toBe('CONFLICT');
      expect(response.errors![0].extensions!.reason).toBe('WRONG_STATE');
    }
    const history = await hub.database.dataSource.query(`SELECT action FROM tecs_history WHERE subject_id = $1 ORDER BY id`, [crossing.id]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['REPORTED', 'DISMISSED']);
  });
});

describe('disclosure (seed 000: never to third parties)', () => {
  it('shows TECS information only to the roles on the case', async () => {
    const crossing = dataOf(await report({ dhsReportId: 'DHS-B-1' })).reportCrossing;
    const query = `query($id: UUID!) { crossing(id: $id) { usEmployer documentNumber } }`;
    for (const outsider of [people.otherRo.id, people.miamiGm.id, people.intlGm.id, people.admin.id]) {
      expect(errorCodeOf(await hub.request(outsider, query, { id: crossing.id }))).toBe('FORBIDDEN');
      expect(
        errorCodeOf(
          await hub.request(outsider, `query($id: UUID!) { taxpayerDisclosure(crossingId: $id) { taxpayerName } }`, { id: crossing.id }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCodeOf(await hub.request(outsider, `query($id: UUID!) { lookoutHistory(lookoutId: $id) { action } }`, { id: lookoutId })),
      ).toBe('FORBIDDEN');
    }
    for (const insider of [people.coordinator.id, people.clevelandGm.id, people.clevelandRo.id, people.ciAgent.id]) {
      expect(dataOf(await hub.request(insider, query, { id: crossing.id })).crossing.usEmployer).toBe('Great Lakes Freight LLC');
    }
  });

  it('discloses to the taxpayer only name, date of birth, place, date and time, and document number', async () => {
    const crossing = dataOf(await report({ dhsReportId: 'DHS-B-2' })).reportCrossing;
    const disclosure = dataOf(
      await hub.request(
        people.clevelandRo.id,
        `query($id: UUID!) { taxpayerDisclosure(crossingId: $id) { taxpayerName dateOfBirth placeOfCrossing crossedAt documentNumber } }`,
        { id: crossing.id },
      ),
    ).taxpayerDisclosure;
    expect(disclosure).toEqual({
      taxpayerName: 'Robert T. Haulwell',
      dateOfBirth: '1972-04-18',
      placeOfCrossing: 'Detroit, MI',
      crossedAt: '2026-04-02T16:05:00.000Z',
      documentNumber: 'P123456789',
    });
    const type = dataOf(await hub.request(people.clevelandRo.id, `{ __type(name: "TaxpayerDisclosure") { fields { name } } }`)).__type;
    expect(type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'crossedAt',
      'dateOfBirth',
      'documentNumber',
      'placeOfCrossing',
      'taxpayerName',
    ]);
  });
});

describe('OI escalation', () => {
  it("breaches an overdue OI once and climbs one manager up the GM's chain per business day, capped at the top", async () => {
    const crossing = dataOf(await report({ dhsReportId: 'DHS-C-1' })).reportCrossing;
    hub.clock.set('2026-04-02T17:00:00Z'); // Thursday
    const oi = await tecs(hub, people.coordinator.id, 'openInvestigation', { crossingId: crossing.id, dueAt: '2026-04-03T21:00:00Z' });
    const sweep = (iso: string) => {
      hub.clock.set(iso);
      return hub.services.investigationSweep.run();
    };
    expect(await sweep('2026-04-03T20:59:00Z')).toEqual({ breaches: 0, escalations: 0 });
    expect(await sweep('2026-04-03T21:00:01Z')).toEqual({ breaches: 1, escalations: 1 }); // GM's manager: the director
    expect(await sweep('2026-04-03T21:05:00Z')).toEqual({ breaches: 0, escalations: 0 });
    expect(await sweep('2026-04-14T12:00:00Z')).toEqual({ breaches: 0, escalations: 0 }); // the director is the top
    const notices = await hub.database.dataSource.query(
      `SELECT kind, recipient_id FROM notification WHERE subject_id = $1 AND kind LIKE 'SLA_%' ORDER BY kind, recipient_id`,
      [oi.id],
    );
    expect(notices).toEqual(
      [
        { kind: 'SLA_BREACH', recipient_id: people.clevelandGm.id },
        { kind: 'SLA_BREACH', recipient_id: people.clevelandRo.id },
        { kind: 'SLA_ESCALATION', recipient_id: people.collDirector.id },
      ].sort((a, b) => (a.kind + a.recipient_id).localeCompare(b.kind + b.recipient_id)),
    );
    const caller: Caller = await hub.services.org.loadCaller(people.coordinator.id);
    const history = await hub.services.lookouts.history(caller, lookoutId);
    expect(history.filter((h) => h.subjectId === oi.id).map((h) => h.action)).toEqual(['ISSUED', 'SLA_BREACH']);
  });
});
