import 'reflect-metadata';
import { issueAccessToken } from '../../src/modules/auth/access-token';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { act, fileReferral } from '../support/referral-operations';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecsMutation } from '../support/tecs-operations';
import { eventually } from '../support/wait';

const TAXPAYER_SSN = '521-47-3398';
const BUSINESS_EIN = '47-1234567';
const lines: string[] = [];
let smtp: SmtpPeer;
let hub: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;
let requestsSent = 0;
const tokensUsed = new Set<string>();

beforeAll(async () => {
  smtp = await startSmtpPeer();
  hub = await startTestHub({
    now: '2026-11-23T14:00:00Z',
    env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, JOB_POLLING_SECONDS: '1', LOG_LEVEL: 'debug' },
    logs: { write: (line: string) => void lines.push(line) },
  });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
  // Count every request the workflow sends, and remember the tokens it sends them with.
  const send = hub.request.bind(hub);
  hub.request = async (as, query, variables) => {
    requestsSent++;
    if (typeof as === 'string') tokensUsed.add(await hub.tokenFor(as));
    return send(as, query, variables);
  };
});

afterAll(async () => {
  await hub.stop();
  await smtp.stop();
});

const parsed = (): Record<string, any>[] => lines.map((line) => JSON.parse(line));
const requestLines = (): Record<string, any>[] =>
  parsed().filter((line) => line.msg === 'request completed' || line.msg === 'request failed');

/** Runs a Form 14566 from filing to close and a TECS lookout with a DHS crossing, as the seed examples do. */
async function fullWorkflow(): Promise<void> {
  const { people } = org;
  const content = {
    form14566: {
      ...VALID_14566,
      business: { ...VALID_14566.business, ein: BUSINESS_EIN },
      taxpayer: { ...VALID_14566.taxpayer, ssn: TAXPAYER_SSN },
    },
  };
  const filed = await fileReferral(hub, people.originator.id, { form: 'F14566', receivingFunctionId: org.functions.ef.id, content });
  await act(hub, people.amLiaison.id, 'forward', { referralId: filed.id, note: 'Research complete' });
  await act(hub, people.efLiaison.id, 'acknowledge', { referralId: filed.id });
  await act(hub, people.efLiaison.id, 'assign', { referralId: filed.id, assigneeId: people.efWorker.id });
  const unmasked = dataOf(
    await hub.request(people.efLiaison.id, `query Unmask($id: UUID!) { referral(id: $id) { unmaskedTins { tin } } }`, { id: filed.id }),
  );
  expect(unmasked.referral.unmaskedTins.map((t: { tin: string }) => t.tin)).toContain(TAXPAYER_SSN.replace(/-/g, ''));
  await act(hub, people.efWorker.id, 'complete', {
    referralId: filed.id,
    actionsTaken: ['EIN added to the scheme list'],
    resolutionCode: 'ADDED_TO_SCHEME_LIST',
  });
  await act(hub, people.originator.id, 'close', { referralId: filed.id });
  const search = await hub.request(
    people.amLiaison.id,
    `query Search($tin: String!) { referrals(filter: { tin: $tin }) { edges { node { id } } } }`,
    { tin: TAXPAYER_SSN },
  );
  expect(dataOf(search).referrals.edges).toEqual([{ node: { id: filed.id } }]);
  // A GET operation carries its variables in the query string, which the log must not copy.
  const url = new URL(hub.url);
  url.searchParams.set('query', 'query SearchByGet($tin: String!) { referrals(filter: { tin: $tin }) { edges { node { id } } } }');
  url.searchParams.set('variables', JSON.stringify({ tin: TAXPAYER_SSN }));
  const token = await hub.tokenFor(people.amLiaison.id);
  requestsSent++;
  const byGet = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
  expect(((await byGet.json()) as { data: { referrals: { edges: unknown[] } } }).data.referrals.edges).toHaveLength(1);

  const lookout = await putOnLookout(hub, tecsPeople, tecsPeople.clevelandRo.id, tecsPeople.clevelandGm.id, CLEVELAND_REQUEST);
  hub.clock.set('2026-12-02T16:30:00Z');
  const crossing = await hub.request(tecsPeople.dhsClient.id, tecsMutation('reportCrossing'), {
    input: {
      dhsReportId: 'DHS-2026-1202-0001',
      lookoutId: lookout.id,
      taxpayerName: CLEVELAND_REQUEST.taxpayerName,
      dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
      placeOfCrossing: 'Detroit, MI (Ambassador Bridge)',
      crossedAt: '2026-12-02T16:05:00Z',
      direction: 'INBOUND',
      documentNumber: 'P123456789',
      usEmployer: 'Great Lakes Freight LLC',
    },
  });
  expect(dataOf(crossing).reportCrossing.status).toBe('NEW');
  await eventually(async () => smtp.messages.some((m) => m.envelopeTo.includes('tecs.coordinator@example.gov')), 10_000);

  // Refusals: no token, someone else's referral, a validly signed token whose subject is a TIN.
  expect(errorCodeOf(await hub.request({}, `{ me { id } }`))).toBe('UNAUTHENTICATED');
  expect(
    errorCodeOf(await hub.request(people.rivoWorker.id, `query Peek($id: UUID!) { referral(id: $id) { id } }`, { id: filed.id })),
  ).toBe('NOT_FOUND');
  const tinToken = await issueAccessToken(hub.config.auth, TAXPAYER_SSN, hub.clock.now());
  tokensUsed.add(tinToken);
  expect((await hub.request({ authorization: `Bearer ${tinToken}` }, `{ me { id } }`)).errors).toBeDefined();
}

describe('request logs of a full workflow', () => {
  beforeAll(fullWorkflow, 60_000);

  it('are JSON lines, one per request, with level, request id, operation, caller id and duration', async () => {
    // A line is written when the response is done, which a client may see a moment before.
    await eventually(async () => requestLines().length >= requestsSent);
    const requests = requestLines();
    expect(requests).toHaveLength(requestsSent);
    for (const line of requests) {
      expect(line).toMatchObject({
        level: expect.stringMatching(/^(info|warn|error)$/),
        time: expect.any(String),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        req: { method: expect.stringMatching(/^(GET|POST)$/), path: '/graphql' },
        res: { status: expect.any(Number) },
        operation: expect.any(String),
        durationMs: expect.any(Number),
        errorCodes: expect.any(Array),
      });
    }
    const signedIn = requests.filter((line) => line.operation !== '(unauthenticated)');
    for (const line of signedIn) expect(line.callerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(requests.map((line) => line.requestId)).size).toBe(requests.length);

    const filing = requests.find((line) => line.operation === 'fileReferral');
    expect(filing).toMatchObject({ level: 'info', operationName: 'File', callerId: org.people.originator.id, errorCodes: [] });
    const refused = requests.find((line) => line.operationName === 'Peek');
    expect(refused).toMatchObject({ level: 'warn', operation: 'referral', callerId: org.people.rivoWorker.id, errorCodes: ['NOT_FOUND'] });
    expect(requests.find((line) => line.errorCodes.includes('UNAUTHENTICATED'))).toMatchObject({
      level: 'warn',
      operation: '(unauthenticated)',
    });
    expect(requests.filter((line) => line.callerId === tecsPeople.dhsClient.id).map((line) => line.operation)).toEqual(['reportCrossing']);
    expect(requests.find((line) => line.operationName === 'SearchByGet')).toMatchObject({
      req: { method: 'GET', path: '/graphql' },
      operation: 'referrals',
    });
  });

  it('carry the X-Request-Id a client sends', async () => {
    const requestId = 'trace-4711.req';
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        authorization: `Bearer ${await hub.tokenFor(org.people.admin.id)}`,
      },
      body: JSON.stringify({ query: 'query Me { me { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    await response.json();
    await eventually(async () => requestLines().find((line) => line.requestId === requestId));
    expect(requestLines().find((line) => line.requestId === requestId)).toMatchObject({
      operation: 'me',
      operationName: 'Me',
      callerId: org.people.admin.id,
    });
  });

  it('never contain a TIN, a taxpayer or employee name, an e-mail address or a token', () => {
    const text = lines.join('');
    const uuidsRemoved = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
    expect(uuidsRemoved).not.toMatch(/\d{3}[- ]?\d{2}[- ]?\d{4}|\d{2}-?\d{7}/);
    const people = [...Object.values(org.people), ...Object.values(tecsPeople)];
    const secrets = [
      TAXPAYER_SSN,
      TAXPAYER_SSN.replace(/-/g, ''),
      BUSINESS_EIN,
      CLEVELAND_REQUEST.tin,
      VALID_14566.taxpayer.name,
      VALID_14566.business.name,
      VALID_14566.originatorContact.name,
      CLEVELAND_REQUEST.taxpayerName,
      'Haulwell',
      'Great Lakes',
      ...people.flatMap((person) => [person.name, person.email]),
      ...tokensUsed,
    ];
    expect(secrets.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
    expect(text).not.toMatch(/bearer|authorization|eyJ/i);
  });

  it('log an unexpected database error without the value it quotes', async () => {
    const error = await hub.database.dataSource.query('SELECT $1::uuid', [TAXPAYER_SSN]).catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(TAXPAYER_SSN);
    const before = lines.length;
    hub.hub.observability.logUnexpectedError(error);
    const [line] = lines.slice(before).map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      level: 'error',
      msg: 'unexpected error',
      err: { type: 'QueryFailedError', code: '22P02', message: expect.stringContaining('invalid input syntax for type uuid') },
    });
    expect(JSON.stringify(line)).not.toContain(TAXPAYER_SSN);
    expect(JSON.stringify(line)).not.toContain('SELECT');
  });
});
