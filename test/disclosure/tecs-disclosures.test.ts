import 'reflect-metadata';
import { dataOf, errorCodeOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecs } from '../support/tecs-operations';

let hub: TestHub;
let people: TecsPeople;
let crossingId: string;
let crossingReference: string;

const DISCLOSE = `mutation($input: DiscloseTecsInformationInput!) { discloseTecsInformation(input: $input) {
  disclosure { id recipientKind recipientName authorityForm authorityReference authorityTaxYears fields dhsAuthorizationIds disclosedById }
  values { field value } } }`;
const AUTHORIZE = `mutation($input: RecordDhsDisclosureAuthorizationInput!) { recordDhsDisclosureAuthorization(input: $input) {
  id dhsReference recipientKind recipientName fields authorizedOn } }`;
const FIVE = ['TAXPAYER_NAME', 'DATE_OF_BIRTH', 'PLACE_OF_CROSSING', 'CROSSED_AT', 'DOCUMENT_NUMBER'];
const POA = { form: 'F2848', reference: 'CAF-0301-77121R', taxYears: [2013, 2014] };
const REPRESENTATIVE = { kind: 'REPRESENTATIVE', name: 'Dana Whitfield, CPA', authority: POA };

const disclose = (recipient: Record<string, unknown>, fields: string[], as = people.clevelandRo.id) =>
  hub.request(as, DISCLOSE, { input: { crossingId, recipient, fields } });
const count = async (table: string): Promise<number> =>
  Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const refusalsOf = async (operation: string): Promise<{ actor_id: string; item_ids: string[] }[]> =>
  hub.database.dataSource.query(`SELECT actor_id, item_ids FROM access_audit WHERE operation = $1 AND outcome = 'FORBIDDEN' ORDER BY id`, [
    operation,
  ]);
const messageOf = (response: GraphQLResponse): string => response.errors![0].message;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
  await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
  hub.clock.set('2026-04-02T16:30:00Z');
  const crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
    dhsReportId: 'DHS-DISC-1',
    taxpayerName: 'Robert T. Haulwell',
    dateOfBirth: '1972-04-18',
    placeOfCrossing: 'Detroit, MI',
    crossedAt: '2026-04-02T16:05:00Z',
    direction: 'INBOUND',
    documentNumber: 'P123456789',
    usEmployer: 'Great Lakes Freight LLC',
    usAddress: '77 Harbor Rd, Toledo, OH',
  });
  crossingId = crossing.id;
  crossingReference = crossing.referenceNumber;
});

afterAll(() => hub.stop());

describe('seed 000: the five facts to the taxpayer or their representative', () => {
  it('records a disclosure to the taxpayer: who disclosed, to whom, which fields, when; and gives the values', async () => {
    const receipt = dataOf(await disclose({ kind: 'TAXPAYER' }, FIVE)).discloseTecsInformation;
    expect(receipt.disclosure).toMatchObject({
      recipientKind: 'TAXPAYER',
      recipientName: null,
      authorityTaxYears: [],
      fields: FIVE,
      dhsAuthorizationIds: [],
      disclosedById: people.clevelandRo.id,
    });
    expect(receipt.values).toEqual([
      { field: 'TAXPAYER_NAME', value: 'Robert T. Haulwell' },
      { field: 'DATE_OF_BIRTH', value: '1972-04-18' },
      { field: 'PLACE_OF_CROSSING', value: 'Detroit, MI' },
      { field: 'CROSSED_AT', value: '2026-04-02T16:05:00.000Z' },
      { field: 'DOCUMENT_NUMBER', value: 'P123456789' },
    ]);
  });

  it('records a disclosure to a representative with their Form 2848 reference and the years it covers', async () => {
    const receipt = dataOf(
      await disclose(REPRESENTATIVE, ['PLACE_OF_CROSSING', 'CROSSED_AT'], people.coordinator.id),
    ).discloseTecsInformation;
    expect(receipt.disclosure).toMatchObject({
      recipientKind: 'REPRESENTATIVE',
      recipientName: 'Dana Whitfield, CPA',
      authorityForm: 'F2848',
      authorityReference: 'CAF-0301-77121R',
      authorityTaxYears: [2013, 2014],
    });
  });

  it('refuses a representative whose authority does not cover every tax year of the case', async () => {
    const response = await disclose({ ...REPRESENTATIVE, authority: { ...POA, taxYears: [2013] } }, FIVE);
    expect(errorCodeOf(response)).toBe('FORBIDDEN');
    expect(messageOf(response)).toContain('2014');
  });

  it('refuses those not on the case', async () => {
    expect(errorCodeOf(await disclose({ kind: 'TAXPAYER' }, FIVE, people.otherRo.id))).toBe('FORBIDDEN');
  });
});

describe('seed 000: "Do not disclose TECS information to third parties"', () => {
  it('refuses a third party and someone with no authority on file (FORBIDDEN), writes nothing, and audits each attempt', async () => {
    const before = [await count('tecs_disclosure'), await count('disclosure_accounting')];
    expect(errorCodeOf(await disclose({ kind: 'THIRD_PARTY', name: 'Great Lakes Freight LLC' }, ['TAXPAYER_NAME']))).toBe('FORBIDDEN');
    expect(errorCodeOf(await disclose({ kind: 'REPRESENTATIVE', name: 'A. Neighbor' }, ['TAXPAYER_NAME']))).toBe('FORBIDDEN');
    expect([await count('tecs_disclosure'), await count('disclosure_accounting')]).toEqual(before);
    const refusals = await refusalsOf('discloseTecsInformation');
    expect(
      refusals.filter((row) => row.actor_id === people.clevelandRo.id && row.item_ids.includes(crossingId)).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('seed 000: "Any additional information requires authorization from DHS"', () => {
  it('refuses further fields without a DHS authorization for that recipient, then allows them to that recipient only', async () => {
    const refused = await disclose(REPRESENTATIVE, ['US_EMPLOYER']);
    expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    expect(messageOf(refused)).toContain('US_EMPLOYER');
    const authorization = dataOf(
      await hub.request(people.coordinator.id, AUTHORIZE, {
        input: {
          crossingId,
          dhsReference: 'DHS-AUTH-2026-0042',
          recipient: { kind: 'REPRESENTATIVE', name: 'dana whitfield,  CPA' },
          fields: ['US_EMPLOYER'],
          authorizedOn: '2026-04-02',
        },
      }),
    ).recordDhsDisclosureAuthorization;
    expect(authorization).toMatchObject({ dhsReference: 'DHS-AUTH-2026-0042', fields: ['US_EMPLOYER'], authorizedOn: '2026-04-02' });
    const allowed = dataOf(await disclose(REPRESENTATIVE, ['TAXPAYER_NAME', 'US_EMPLOYER'])).discloseTecsInformation;
    expect(allowed.disclosure.dhsAuthorizationIds).toEqual([authorization.id]);
    expect(allowed.values).toContainEqual({ field: 'US_EMPLOYER', value: 'Great Lakes Freight LLC' });
    expect(errorCodeOf(await disclose({ kind: 'TAXPAYER' }, ['US_EMPLOYER']))).toBe('FORBIDDEN');
    expect(errorCodeOf(await disclose(REPRESENTATIVE, ['US_ADDRESS']))).toBe('FORBIDDEN');
  });
});

describe('the record of TECS disclosures', () => {
  it('is visible to those on the case, append-only, and in the accounting of disclosures by the lookout TIN', async () => {
    const listed = dataOf(
      await hub.request(people.clevelandGm.id, 'query($id: UUID!) { tecsDisclosures(crossingId: $id) { recipientKind fields } }', {
        id: crossingId,
      }),
    ).tecsDisclosures;
    // Same instant on the test clock: order among them is by id, so compare as a set.
    expect(listed.map((d: { recipientKind: string }) => d.recipientKind).sort()).toEqual(['REPRESENTATIVE', 'REPRESENTATIVE', 'TAXPAYER']);
    expect(
      errorCodeOf(
        await hub.request(people.otherRo.id, 'query($id: UUID!) { tecsDisclosures(crossingId: $id) { id } }', { id: crossingId }),
      ),
    ).toBe('FORBIDDEN');
    const accounting = dataOf(
      await hub.request(
        people.admin.id,
        'query { disclosureAccounting(taxpayer: { tin: "123456789" }) { kind sourceReference recipient information authority } }',
      ),
    ).disclosureAccounting;
    expect(accounting).toHaveLength(3);
    expect(accounting[0]).toEqual({
      kind: 'TECS_DISCLOSURE',
      sourceReference: crossingReference,
      recipient: 'The taxpayer',
      information: FIVE,
      authority: 'TECS disclosure rules (IRM passport/TECS cases text, seed 000)',
    });
    expect(accounting[2].recipient).toBe('Representative Dana Whitfield, CPA (F2848 CAF-0301-77121R, tax years 2013, 2014)');
    expect(accounting[2].authority).toContain('DHS authorization DHS-AUTH-2026-0042');
    const db = hub.database.dataSource;
    for (const table of ['tecs_disclosure', 'dhs_disclosure_authorization']) {
      await expect(db.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    }
  });
});
