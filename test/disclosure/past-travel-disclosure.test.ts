import 'reflect-metadata';
import { dataOf, errorCodeOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';

let hub: TestHub;
let people: TecsPeople;
let requestId: string;
let requestReference: string;

const DISCLOSE = `mutation($input: DiscloseTecsInformationInput!) { discloseTecsInformation(input: $input) {
  disclosure { id crossingId pastTravelRequestId recipientKind recipientName authorityTaxYears fields dhsAuthorizationIds disclosedById }
  values { field value } } }`;
const AUTHORIZE = `mutation($input: RecordDhsDisclosureAuthorizationInput!) { recordDhsDisclosureAuthorization(input: $input) {
  id crossingId pastTravelRequestId fields } }`;
const POA = { form: 'F8821', reference: 'CAF-0402-11873R', taxYears: [2023, 2024] };
const REPRESENTATIVE = { kind: 'REPRESENTATIVE', name: 'Dana Whitfield, CPA', authority: POA };
const TIN = '234-56-7890';

const INPUTS: Record<string, string> = {
  requestPastTravel: 'PastTravelRequestInput',
  forwardPastTravelRequest: 'PastTravelStepInput',
  answerPastTravelRequest: 'AnswerPastTravelInput',
};
const pastTravel = async (as: string, name: string, input: Record<string, unknown>) =>
  dataOf(await hub.request(as, `mutation($input: ${INPUTS[name]}!) { ${name}(input: $input) { id referenceNumber taxYears } }`, { input }))[
    name
  ];
const disclose = (recipient: Record<string, unknown>, fields: string[], as = people.clevelandRo.id, id = requestId) =>
  hub.request(as, DISCLOSE, { input: { pastTravelRequestId: id, recipient, fields } });
const count = async (table: string): Promise<number> =>
  Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const messageOf = (response: GraphQLResponse): string => response.errors![0].message;

/** A past-travel request by the Cleveland RO, for the case's tax years, answered by DHS with two trips. */
async function answeredRequest(taxYears: number[] | null): Promise<{ id: string; referenceNumber: string }> {
  const created = await pastTravel(people.clevelandRo.id, 'requestPastTravel', {
    taxpayerName: 'Robert T. Haulwell',
    dateOfBirth: '1972-04-18',
    tin: TIN,
    tinType: 'SSN',
    travelFrom: '2025-01-01',
    travelTo: '2025-12-31',
    reason: 'Balance due for 2023 and 2024; the taxpayer says he drives to Canada: find his travel pattern',
    taxYears,
  });
  expect(created.taxYears).toEqual([...(taxYears ?? [])].sort());
  await pastTravel(people.coordinator.id, 'forwardPastTravelRequest', { requestId: created.id });
  await pastTravel(people.dhsClient.id, 'answerPastTravelRequest', {
    requestId: created.id,
    dhsReference: 'DHS-PT-2026-0011',
    trips: [
      { crossedAt: '2025-03-14T11:20:00Z', placeOfCrossing: 'Detroit, MI', direction: 'OUTBOUND', documentNumber: 'P123456789' },
      { crossedAt: '2025-03-16T19:05:00Z', placeOfCrossing: 'Port Huron, MI', direction: 'INBOUND', documentNumber: 'P123456789' },
    ],
  });
  return created;
}

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-03-02T14:00:00Z' });
  people = await createTecsOrganisation(hub.services);
  ({ id: requestId, referenceNumber: requestReference } = await answeredRequest([2024, 2023]));
});

afterAll(() => hub.stop());

describe('seed 000: a past-travel answer is disclosed under the TECS disclosure rules', () => {
  it('records a disclosure of the answer to the taxpayer, with one value per trip DHS reported', async () => {
    const receipt = dataOf(
      await disclose({ kind: 'TAXPAYER' }, ['TAXPAYER_NAME', 'DATE_OF_BIRTH', 'PLACE_OF_CROSSING', 'CROSSED_AT', 'DOCUMENT_NUMBER']),
    ).discloseTecsInformation;
    expect(receipt.disclosure).toMatchObject({
      crossingId: null,
      pastTravelRequestId: requestId,
      recipientKind: 'TAXPAYER',
      dhsAuthorizationIds: [],
      disclosedById: people.clevelandRo.id,
    });
    expect(receipt.values).toEqual([
      { field: 'TAXPAYER_NAME', value: 'Robert T. Haulwell' },
      { field: 'DATE_OF_BIRTH', value: '1972-04-18' },
      { field: 'PLACE_OF_CROSSING', value: 'Detroit, MI' },
      { field: 'PLACE_OF_CROSSING', value: 'Port Huron, MI' },
      { field: 'CROSSED_AT', value: '2025-03-14T11:20:00.000Z' },
      { field: 'CROSSED_AT', value: '2025-03-16T19:05:00.000Z' },
      { field: 'DOCUMENT_NUMBER', value: 'P123456789' },
      { field: 'DOCUMENT_NUMBER', value: 'P123456789' },
    ]);
  });

  it("lets the RO's GM and the coordinator disclose to a representative whose authority covers the case's years", async () => {
    for (const person of [people.clevelandGm, people.coordinator]) {
      const receipt = dataOf(await disclose(REPRESENTATIVE, ['CROSSED_AT'], person.id)).discloseTecsInformation;
      expect(receipt.disclosure).toMatchObject({ recipientName: 'Dana Whitfield, CPA', authorityTaxYears: [2023, 2024] });
    }
  });

  it("refuses a representative whose authority misses a tax year of the case, or when the case's years are not recorded", async () => {
    const short = await disclose({ ...REPRESENTATIVE, authority: { ...POA, taxYears: [2024] } }, ['CROSSED_AT']);
    expect(errorCodeOf(short)).toBe('FORBIDDEN');
    expect(messageOf(short)).toContain('2023');
    const yearless = await answeredRequest(null);
    expect(errorCodeOf(await disclose(REPRESENTATIVE, ['CROSSED_AT'], people.clevelandRo.id, yearless.id))).toBe('FORBIDDEN');
    expect(
      dataOf(await disclose({ kind: 'TAXPAYER' }, ['CROSSED_AT'], people.clevelandRo.id, yearless.id)).discloseTecsInformation,
    ).toBeTruthy();
  });

  it('refuses those not on the case, the DHS client included, and a request DHS has not answered', async () => {
    for (const person of [people.otherRo, people.miamiGm, people.dhsClient, people.admin])
      expect(errorCodeOf(await disclose({ kind: 'TAXPAYER' }, ['TAXPAYER_NAME'], person.id))).toBe('FORBIDDEN');
    const pending = await pastTravel(people.clevelandRo.id, 'requestPastTravel', {
      taxpayerName: 'Robert T. Haulwell',
      dateOfBirth: '1972-04-18',
      tin: TIN,
      tinType: 'SSN',
      travelFrom: '2024-01-01',
      travelTo: '2024-12-31',
      reason: 'Earlier travel',
    });
    const response = await disclose({ kind: 'TAXPAYER' }, ['TAXPAYER_NAME'], people.clevelandRo.id, pending.id);
    expect(response.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
  });

  it('refuses a field the answer does not hold, and naming both a crossing and a request (BAD_USER_INPUT)', async () => {
    const absent = await disclose({ kind: 'TAXPAYER' }, ['US_EMPLOYER']);
    expect(errorCodeOf(absent)).toBe('BAD_USER_INPUT');
    expect(absent.errors![0].extensions!.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['input.fields']);
    const both = await hub.request(people.clevelandRo.id, DISCLOSE, {
      input: { pastTravelRequestId: requestId, crossingId: requestId, recipient: { kind: 'TAXPAYER' }, fields: ['CROSSED_AT'] },
    });
    expect(errorCodeOf(both)).toBe('BAD_USER_INPUT');
  });
});

describe('seed 000: "Do not disclose TECS information to third parties" (past travel)', () => {
  it('refuses a third party and a representative with no authority on file, writes nothing, and audits each attempt', async () => {
    const before = [await count('tecs_disclosure'), await count('disclosure_accounting')];
    expect(errorCodeOf(await disclose({ kind: 'THIRD_PARTY', name: 'Great Lakes Freight LLC' }, ['TAXPAYER_NAME']))).toBe('FORBIDDEN');
    expect(errorCodeOf(await disclose({ kind: 'REPRESENTATIVE', name: 'A. Neighbor' }, ['TAXPAYER_NAME']))).toBe('FORBIDDEN');
    expect([await count('tecs_disclosure'), await count('disclosure_accounting')]).toEqual(before);
    const refusals: { item_ids: string[] }[] = await hub.database.dataSource.query(
      `SELECT item_ids FROM access_audit WHERE operation = 'discloseTecsInformation' AND outcome = 'FORBIDDEN' AND actor_id = $1`,
      [people.clevelandRo.id],
    );
    expect(refusals.filter((row) => row.item_ids.includes(requestId)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('seed 000: "Any additional information requires authorization from DHS" (past travel)', () => {
  it('refuses the direction of travel without a DHS authorization for that recipient and request, then allows it', async () => {
    const refused = await disclose(REPRESENTATIVE, ['DIRECTION']);
    expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    expect(messageOf(refused)).toContain('DIRECTION');
    const authorization = dataOf(
      await hub.request(people.coordinator.id, AUTHORIZE, {
        input: {
          pastTravelRequestId: requestId,
          dhsReference: 'DHS-AUTH-2026-0077',
          recipient: { kind: 'REPRESENTATIVE', name: 'Dana Whitfield, CPA' },
          fields: ['DIRECTION'],
          authorizedOn: '2026-03-01',
        },
      }),
    ).recordDhsDisclosureAuthorization;
    expect(authorization).toMatchObject({ crossingId: null, pastTravelRequestId: requestId, fields: ['DIRECTION'] });
    const allowed = dataOf(await disclose(REPRESENTATIVE, ['DIRECTION'])).discloseTecsInformation;
    expect(allowed.disclosure.dhsAuthorizationIds).toEqual([authorization.id]);
    expect(allowed.values).toEqual([
      { field: 'DIRECTION', value: 'OUTBOUND' },
      { field: 'DIRECTION', value: 'INBOUND' },
    ]);
    expect(errorCodeOf(await disclose({ kind: 'TAXPAYER' }, ['DIRECTION']))).toBe('FORBIDDEN');
  });
});

describe('the accounting of disclosures (past travel)', () => {
  it("holds each disclosure of the answer under the request's TIN, in the query and the CSV", async () => {
    const accounting = dataOf(
      await hub.request(
        people.admin.id,
        `query { disclosureAccounting(taxpayer: { tin: "${TIN}" }) { kind sourceReference recipient information authority } }`,
      ),
    ).disclosureAccounting;
    const ofRequest = accounting.filter((entry: { sourceReference: string }) => entry.sourceReference === requestReference);
    expect(ofRequest.map((entry: { recipient: string }) => entry.recipient)).toEqual([
      'The taxpayer',
      'Representative Dana Whitfield, CPA (F8821 CAF-0402-11873R, tax years 2023, 2024)',
      'Representative Dana Whitfield, CPA (F8821 CAF-0402-11873R, tax years 2023, 2024)',
      'Representative Dana Whitfield, CPA (F8821 CAF-0402-11873R, tax years 2023, 2024)',
    ]);
    expect(ofRequest[0]).toMatchObject({
      kind: 'TECS_DISCLOSURE',
      authority: 'TECS disclosure rules (IRM passport/TECS cases text, seed 000)',
    });
    expect(ofRequest[3].authority).toContain('DHS authorization DHS-AUTH-2026-0077');
    const csv = await hub.download(people.admin.id, '/exports/disclosure-accounting.csv', { tin: TIN }, { method: 'POST' });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.filter((line) => line.includes(requestReference))).toHaveLength(4);
  });
});
