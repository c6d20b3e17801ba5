import 'reflect-metadata';
import { Notification } from '../../src/platform/notifications/notification.entity';
import { taxpayerDataCipher } from '../../src/platform/security/taxpayer-data-cipher';
import { dataOf, errorCodeOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import {
  createDisclosureOffice,
  CUSTOMS_LETTER,
  customs,
  customsMutation,
  DisclosureOffice,
  IMPORTER_EIN,
  passEveryScreen,
} from '../support/disclosure-fixture';

let hub: TestHub;
let people: DisclosureOffice;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  people = await createDisclosureOffice(hub.services);
});

afterAll(() => hub.stop());

const fieldErrorsOf = (response: GraphQLResponse): { field: string; message: string }[] => response.errors![0].extensions!.fieldErrors;
const count = async (table: string): Promise<number> =>
  Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const record = (letter: Record<string, unknown>, as = people.first.id) =>
  hub.request(as, customsMutation('recordCustomsRequest'), { input: letter });
const withoutItemField = (field: string) => ({
  ...CUSTOMS_LETTER,
  items: CUSTOMS_LETTER.items.map((item, index) => (index === 0 ? { ...item, [field]: null } : item)),
});

describe('26 CFR 301.6103(l)(14)-1(b): the written request is complete only with every element', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['(b)(1) the particular items', { ...CUSTOMS_LETTER, items: [] }, 'items', '(b)(1)'],
    ['(b)(1) an item not described', withoutItemField('description'), 'items[0].description', '(b)(1)'],
    ['(b)(2) the taxpayer (name)', { ...CUSTOMS_LETTER, taxpayerName: ' ' }, 'taxpayerName', '(b)(2)'],
    ['(b)(2) the taxpayer (TIN)', { ...CUSTOMS_LETTER, tin: null }, 'tin', '(b)(2)'],
    ['(b)(2) the taxpayer (kind of TIN)', { ...CUSTOMS_LETTER, tinType: null }, 'tinType', '(b)(2)'],
    ['(b)(3) the taxable period or date', withoutItemField('taxPeriod'), 'items[0].taxPeriod', '(b)(3)'],
    ['(b)(4) the purpose of each item', withoutItemField('purpose'), 'items[0].purpose', '(b)(4)'],
    ['(b)(4) how each item is necessary', withoutItemField('necessity'), 'items[0].necessity', '(b)(4)'],
    ['(b)(4) the recipients designated by title', { ...CUSTOMS_LETTER, recipientTitles: [] }, 'recipientTitles', '(b)(4)'],
    ['(b)(4) the section 509 audit certification', { ...CUSTOMS_LETTER, auditCertification: null }, 'auditCertification', '(b)(4)'],
  ];

  it.each(cases)(
    'refuses a request missing %s, naming it with its paragraph, and writes nothing',
    async (_element, letter, field, paragraph) => {
      const response = await record(letter);
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
      const errors = fieldErrorsOf(response);
      expect(errors.map((e) => e.field)).toEqual([`input.${field}`]);
      expect(errors[0].message).toContain(paragraph);
      expect(await count('customs_request')).toBe(0);
      expect(await count('disclosure_history')).toBe(0);
      expect(await count('notification')).toBe(0);
    },
  );

  it('names every missing element at once, and never echoes the TIN', async () => {
    const response = await record({ tin: '52-12345' });
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    expect(
      fieldErrorsOf(response)
        .map((e) => e.field)
        .sort(),
    ).toEqual(
      ['auditCertification', 'items', 'letterReference', 'receivedOn', 'recipientTitles', 'taxpayerName', 'tinType']
        .map((f) => `input.${f}`)
        .sort(),
    );
    expect(JSON.stringify(response)).not.toContain('52-12345');
    expect(await count('customs_request')).toBe(0);
  });

  it('records a complete request: TIN sealed at rest with its keyed hash, the letter kept by its reference', async () => {
    const request = await customs(hub, people.first.id, 'recordCustomsRequest', CUSTOMS_LETTER);
    expect(request).toMatchObject({
      state: 'RECEIVED',
      letterReference: 'CBP-RA-2026-0417',
      receivedOn: '2026-11-16',
      tinMasked: expect.stringMatching(/4567$/),
      recipientTitles: CUSTOMS_LETTER.recipientTitles,
    });
    expect(request.referenceNumber).toMatch(/^CBP-2026-\d{6}$/);
    const [row] = await hub.database.dataSource.query(`SELECT tin, tin_hash FROM customs_request WHERE id = $1`, [request.id]);
    expect(row.tin).toMatch(/^enc:v1:/);
    expect(row.tin).not.toContain('1234567');
    expect(row.tin_hash).toBe(taxpayerDataCipher().hash('521234567'));
  });

  it('refuses a receipt date in the future', async () => {
    const response = await record({ ...CUSTOMS_LETTER, receivedOn: '2026-11-30' });
    expect(fieldErrorsOf(response).map((e) => e.field)).toEqual(['input.receivedOn']);
  });
});

describe('the screens of 26 CFR 301.6103(l)(14)-1 before any item is approved', () => {
  let requestId: string;
  const decide = (itemNumber: number, decision: string, reason?: string, as = people.first.id) =>
    hub.request(as, customsMutation('decideCustomsItem'), { input: { requestId, itemNumber, decision, reason } });
  const answer = (screen: string, itemNumber: number | null, passed: boolean, reason = 'Reviewed the case file') =>
    customs(hub, people.first.id, 'answerCustomsScreen', { requestId, screen, itemNumber, passed, reason });
  const approvalRefusal = async (itemNumber: number) => {
    const response = await decide(itemNumber, 'APPROVED');
    expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    return fieldErrorsOf(response).map((e) => e.message);
  };

  beforeAll(async () => {
    requestId = (await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-SCREENS' })).id;
  });

  it('records each answer with who and why, and the request goes under review', async () => {
    const request = await answer('A_CHAPTERS_1_AND_6_FOR_SECTION_509', null, true, 'Income tax (chapter 1) for the section 509 audit');
    expect(request.state).toBe('UNDER_REVIEW');
    expect(request.screenAnswers).toEqual([
      {
        screen: 'A_CHAPTERS_1_AND_6_FOR_SECTION_509',
        itemNumber: null,
        passed: true,
        reason: 'Income tax (chapter 1) for the section 509 audit',
        answeredById: people.first.id,
      },
    ]);
    const reasonless = await hub.request(people.first.id, customsMutation('answerCustomsScreen'), {
      input: { requestId, screen: 'E_NO_IMPAIRMENT', passed: true, reason: ' ' },
    });
    expect(fieldErrorsOf(reasonless).map((e) => e.field)).toEqual(['input.reason']);
  });

  it('answers (c) and (d) per item and (a) and (e) for the whole request', async () => {
    const perItem = await hub.request(people.first.id, customsMutation('answerCustomsScreen'), {
      input: { requestId, screen: 'C_NECESSARY_FOR_ENTRY', passed: true, reason: 'Value' },
    });
    expect(fieldErrorsOf(perItem).map((e) => e.field)).toEqual(['input.itemNumber']);
    const whole = await hub.request(people.first.id, customsMutation('answerCustomsScreen'), {
      input: { requestId, screen: 'E_NO_IMPAIRMENT', itemNumber: 1, passed: true, reason: 'None' },
    });
    expect(fieldErrorsOf(whole).map((e) => e.field)).toEqual(['input.itemNumber']);
  });

  it('(a): no item is approved while (a) is unanswered or barred', async () => {
    const other = (await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-A' })).id;
    await customs(hub, people.first.id, 'answerCustomsScreen', {
      requestId: other,
      screen: 'E_NO_IMPAIRMENT',
      passed: true,
      reason: 'None',
    });
    const refused = await hub.request(people.first.id, customsMutation('decideCustomsItem'), {
      input: { requestId: other, itemNumber: 1, decision: 'APPROVED' },
    });
    expect(fieldErrorsOf(refused).map((e) => e.message)).toContain('item 1 cannot be approved: screen (a) is not answered');
    await customs(hub, people.first.id, 'answerCustomsScreen', {
      requestId: other,
      screen: 'A_CHAPTERS_1_AND_6_FOR_SECTION_509',
      passed: false,
      reason: 'Excise tax only (chapter 32), not chapters 1 or 6',
    });
    const barred = await hub.request(people.first.id, customsMutation('decideCustomsItem'), {
      input: { requestId: other, itemNumber: 1, decision: 'APPROVED' },
    });
    expect(fieldErrorsOf(barred).map((e) => e.message)).toContain('item 1 cannot be approved: screen (a) bars disclosure');
  });

  it('(c): an item is approved only once found necessary to the entry determination', async () => {
    await answer('E_NO_IMPAIRMENT', null, true);
    await answer('D_NO_APA_OR_TREATY_BAR', 1, true);
    expect(await approvalRefusal(1)).toEqual(['item 1 cannot be approved: screen (c) for item 1 is not answered']);
    await answer('C_NECESSARY_FOR_ENTRY', 1, false, 'Not related to value, classification or rate of duty');
    expect(await approvalRefusal(1)).toEqual(['item 1 cannot be approved: screen (c) for item 1 bars disclosure']);
    await answer('C_NECESSARY_FOR_ENTRY', 1, true, 'Related-party prices bear on the declared value');
    expect(dataOf(await decide(1, 'APPROVED')).decideCustomsItem.items[0].decision).toBe('APPROVED');
  });

  it('(d): an APA or treaty-barred item is never approved', async () => {
    await answer('C_NECESSARY_FOR_ENTRY', 2, true);
    await answer('D_NO_APA_OR_TREATY_BAR', 2, false, 'The Form 5472 data was submitted in an Advance Pricing Agreement negotiation');
    expect(await approvalRefusal(2)).toEqual(['item 2 cannot be approved: screen (d) for item 2 bars disclosure']);
    const denial = await decide(2, 'DENIED');
    expect(fieldErrorsOf(denial).map((e) => e.field)).toEqual(['input.reason']);
    const denied = dataOf(await decide(2, 'DENIED', 'APA material (paragraph (d))')).decideCustomsItem;
    expect(denied.items[1]).toMatchObject({ decision: 'DENIED', decisionReason: 'APA material (paragraph (d))' });
  });

  it('(e): a refusal for the taxpayer stops every approval, even one already made, at the conclusion', async () => {
    const other = (await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-E' })).id;
    await passEveryScreen(hub, people.first.id, other, [1, 2]);
    await customs(hub, people.first.id, 'decideCustomsItem', { requestId: other, itemNumber: 1, decision: 'APPROVED' });
    await customs(hub, people.first.id, 'decideCustomsItem', { requestId: other, itemNumber: 2, decision: 'DENIED', reason: 'Not needed' });
    await customs(hub, people.first.id, 'answerCustomsScreen', {
      requestId: other,
      screen: 'E_NO_IMPAIRMENT',
      passed: false,
      reason: 'Would identify a confidential informant in an open CI case',
    });
    const approve = await hub.request(people.first.id, customsMutation('decideCustomsItem'), {
      input: { requestId: other, itemNumber: 1, decision: 'APPROVED' },
    });
    expect(fieldErrorsOf(approve).map((e) => e.message)).toEqual(['item 1 cannot be approved: screen (e) bars disclosure']);
    const conclude = await hub.request(people.first.id, customsMutation('concludeCustomsReview'), { input: { requestId: other } });
    expect(fieldErrorsOf(conclude).map((e) => e.message)).toEqual(['item 1 cannot be approved: screen (e) bars disclosure']);
    await customs(hub, people.first.id, 'decideCustomsItem', {
      requestId: other,
      itemNumber: 1,
      decision: 'DENIED',
      reason: 'Paragraph (e): impairment',
    });
    expect((await customs(hub, people.first.id, 'concludeCustomsReview', { requestId: other })).state).toBe('DENIED');
  });
});

describe('decision, two-person rule, release record and letter (IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1(f)–(j))', () => {
  let request: Record<string, any>;

  beforeAll(async () => {
    request = await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-RELEASE' });
    await passEveryScreen(hub, people.first.id, request.id, [1]);
    await customs(hub, people.first.id, 'answerCustomsScreen', {
      requestId: request.id,
      screen: 'C_NECESSARY_FOR_ENTRY',
      itemNumber: 2,
      passed: false,
      reason: 'Unrelated to the entries under audit',
    });
    await customs(hub, people.first.id, 'decideCustomsItem', { requestId: request.id, itemNumber: 1, decision: 'APPROVED' });
  });

  it('concludes only when every item is decided', async () => {
    const early = await hub.request(people.first.id, customsMutation('concludeCustomsReview'), { input: { requestId: request.id } });
    expect(fieldErrorsOf(early)[0].message).toBe('every item must be decided first; undecided: 2');
    await customs(hub, people.first.id, 'decideCustomsItem', {
      requestId: request.id,
      itemNumber: 2,
      decision: 'DENIED',
      reason: 'Paragraph (c): not necessary to the entry determination',
    });
    request = await customs(hub, people.first.id, 'concludeCustomsReview', { requestId: request.id });
    expect(request).toMatchObject({ state: 'PARTLY_APPROVED', concludedById: people.first.id });
  });

  it('refuses a release by the officer who reviewed (two-person rule), and a stale version', async () => {
    const own = await hub.request(people.first.id, customsMutation('releaseCustomsDisclosure'), { input: { requestId: request.id } });
    expect(errorCodeOf(own)).toBe('FORBIDDEN');
    const stale = await hub.request(people.second.id, customsMutation('releaseCustomsDisclosure'), {
      input: { requestId: request.id, expectedVersion: request.version - 1 },
    });
    expect(errorCodeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.reason).toBe('STALE_VERSION');
    expect(await count(`disclosure_accounting WHERE source_id = '${request.id}'`)).toBe(0);
  });

  it('a second officer releases exactly the approved items, to the recipients by title, under the authority and restrictions', async () => {
    hub.clock.set('2026-11-24T15:30:00Z');
    request = await customs(hub, people.second.id, 'releaseCustomsDisclosure', { requestId: request.id, expectedVersion: request.version });
    expect(request.state).toBe('RELEASED');
    expect(request.release).toEqual({
      itemNumbers: [1],
      recipientTitles: CUSTOMS_LETTER.recipientTitles,
      releasedAt: '2026-11-24T15:30:00.000Z',
      authority: 'IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1',
      useRestrictions: [
        expect.stringMatching(/^\(f\)/),
        expect.stringMatching(/^\(g\)/),
        expect.stringMatching(/^\(h\)/),
        expect.stringMatching(/^\(i\)/),
        expect.stringMatching(/contractor/),
      ],
      releasedById: people.second.id,
    });
    const again = await hub.request(people.third.id, customsMutation('releaseCustomsDisclosure'), { input: { requestId: request.id } });
    expect(errorCodeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions!.reason).toBe('WRONG_STATE');
  });

  it('generates a release letter with no taxpayer data beyond the approved items', async () => {
    const letter: string = dataOf(
      await hub.request(people.third.id, 'query($id: UUID!) { customsReleaseLetter(requestId: $id) }', { id: request.id }),
    ).customsReleaseLetter;
    expect(letter).toContain(request.referenceNumber);
    expect(letter).toContain('Your written request: CBP-RELEASE, received 2026-11-16');
    expect(letter).toContain('Date of release: 2026-11-24');
    expect(letter).toContain('Authority: IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1');
    expect(letter).toContain(`1. ${CUSTOMS_LETTER.items[0].description} (taxable period or date: 2024)`);
    for (const title of CUSTOMS_LETTER.recipientTitles) expect(letter).toContain(`- ${title}`);
    expect(letter).toContain('including any contractor of Customs');
    expect(letter).toContain('6103(i)(1) or (2)');
    for (const secret of [
      IMPORTER_EIN,
      '521234567',
      CUSTOMS_LETTER.taxpayerName,
      CUSTOMS_LETTER.items[1].description,
      'Paragraph (c)',
      'Unrelated',
    ])
      expect(letter).not.toContain(secret);
  });

  it('keeps an append-only history of every step', async () => {
    const history = dataOf(
      await hub.request(
        people.first.id,
        'query($id: UUID!) { customsRequestHistory(requestId: $id) { action fromState toState actorId note } }',
        {
          id: request.id,
        },
      ),
    ).customsRequestHistory;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'RECORDED',
      'SCREEN_ANSWERED',
      'SCREEN_ANSWERED',
      'SCREEN_ANSWERED',
      'SCREEN_ANSWERED',
      'SCREEN_ANSWERED',
      'ITEM_DECIDED',
      'ITEM_DECIDED',
      'PARTLY_APPROVED',
      'RELEASED',
    ]);
    expect(history.at(-1)).toMatchObject({ fromState: 'PARTLY_APPROVED', toState: 'RELEASED', actorId: people.second.id });
    const db = hub.database.dataSource;
    for (const table of ['disclosure_history', 'disclosure_accounting']) {
      await expect(db.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    }
  });

  it('tells the other disclosure officers, naming no taxpayer data', async () => {
    const notices = await hub.database.dataSource.manager.find(Notification, {
      where: { subjectId: request.id },
      order: { createdAt: 'ASC' },
    });
    const sent = notices.map((n) => `${n.kind}:${n.recipientId}`);
    expect(sent).toEqual(
      expect.arrayContaining([
        `CUSTOMS_REQUEST_RECEIVED:${people.second.id}`,
        `CUSTOMS_REQUEST_RECEIVED:${people.third.id}`,
        `CUSTOMS_RELEASE_AWAITED:${people.second.id}`,
        `CUSTOMS_REQUEST_RELEASED:${people.first.id}`,
      ]),
    );
    expect(sent).not.toContain(`CUSTOMS_REQUEST_RECEIVED:${people.first.id}`);
    for (const notice of notices) {
      const mail = await hub.services.composer.compose(hub.database.dataSource.manager, notice);
      expect(mail.text).toContain(request.referenceNumber);
      for (const secret of ['521234567', IMPORTER_EIN, '4567', CUSTOMS_LETTER.taxpayerName, 'Schedule A', 'Form 5472'])
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
    }
  });
});

describe('a request returned as incomplete under (b)', () => {
  it('needs a reason and ends the request (Customs sends a new written request)', async () => {
    const request = await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-VAGUE' });
    const reasonless = await hub.request(people.first.id, customsMutation('returnCustomsRequestIncomplete'), {
      input: { requestId: request.id, reason: '' },
    });
    expect(fieldErrorsOf(reasonless).map((e) => e.field)).toEqual(['input.reason']);
    const returned = await customs(hub, people.first.id, 'returnCustomsRequestIncomplete', {
      requestId: request.id,
      reason: '(b)(4): "needed for the audit" does not explain how item 2 is necessary',
    });
    expect(returned.state).toBe('INCOMPLETE');
    const screen = await hub.request(people.first.id, customsMutation('answerCustomsScreen'), {
      input: { requestId: request.id, screen: 'E_NO_IMPAIRMENT', passed: true, reason: 'x' },
    });
    expect(screen.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATE' });
  });
});

describe('the second officer may return the review instead of releasing', () => {
  it('sends an approved request back to review with a reason; the reviewer may not', async () => {
    const request = await customs(hub, people.first.id, 'recordCustomsRequest', { ...CUSTOMS_LETTER, letterReference: 'CBP-BACK' });
    await passEveryScreen(hub, people.first.id, request.id, [1, 2]);
    for (const itemNumber of [1, 2])
      await customs(hub, people.first.id, 'decideCustomsItem', { requestId: request.id, itemNumber, decision: 'APPROVED' });
    expect((await customs(hub, people.first.id, 'concludeCustomsReview', { requestId: request.id })).state).toBe('APPROVED');
    const own = await hub.request(people.first.id, customsMutation('returnCustomsReview'), {
      input: { requestId: request.id, reason: 'x' },
    });
    expect(errorCodeOf(own)).toBe('FORBIDDEN');
    const back = await customs(hub, people.third.id, 'returnCustomsReview', {
      requestId: request.id,
      reason: 'Item 2 looks like APA material',
    });
    expect(back).toMatchObject({ state: 'UNDER_REVIEW', concludedById: null });
  });
});

describe('the accounting of disclosures (by TIN, through its keyed hash)', () => {
  const ACCOUNTING = `query($tin: String!) { disclosureAccounting(taxpayer: { tin: $tin }) {
    kind sourceReference recipient information authority disclosedById disclosedAt } }`;

  it('answers what went to whom, when and under which authority, for disclosure officers, auditors and admins', async () => {
    const released = dataOf(await hub.request(people.first.id, '{ customsRequests(states: [RELEASED]) { nodes { id referenceNumber } } }'))
      .customsRequests.nodes;
    expect(released).toHaveLength(1);
    for (const as of [people.first.id, people.auditor.id, people.admin.id]) {
      const entries = dataOf(await hub.request(as, ACCOUNTING, { tin: '521234567' })).disclosureAccounting;
      expect(entries).toEqual([
        {
          kind: 'CUSTOMS_RELEASE',
          sourceReference: released[0].referenceNumber,
          recipient: `U.S. Customs and Border Protection: ${CUSTOMS_LETTER.recipientTitles.join('; ')}`,
          information: [`${CUSTOMS_LETTER.items[0].description} (2024)`],
          authority: 'IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1',
          disclosedById: people.second.id,
          disclosedAt: '2026-11-24T15:30:00.000Z',
        },
      ]);
    }
    expect(dataOf(await hub.request(people.first.id, ACCOUNTING, { tin: '52-7654321' })).disclosureAccounting).toEqual([]);
    expect(errorCodeOf(await hub.request(people.clerk.id, ACCOUNTING, { tin: IMPORTER_EIN }))).toBe('FORBIDDEN');
  });

  it('downloads the same as CSV, the TIN only in a POST body', async () => {
    const response = await hub.download(people.auditor.id, '/exports/disclosure-accounting.csv', { tin: IMPORTER_EIN }, { method: 'POST' });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('disclosedAt,kind,reference,recipient,information,authority,disclosedById');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('CUSTOMS_RELEASE');
    expect(lines[1]).not.toContain('1234567');
    const inUrl = await hub.download(people.auditor.id, '/exports/disclosure-accounting.csv', { tin: IMPORTER_EIN });
    expect(inUrl.status).toBe(400);
    await inUrl.arrayBuffer();
    const clerk = await hub.download(people.clerk.id, '/exports/disclosure-accounting.csv', { tin: IMPORTER_EIN }, { method: 'POST' });
    expect(clerk.status).toBe(403);
    await clerk.arrayBuffer();
  });
});
