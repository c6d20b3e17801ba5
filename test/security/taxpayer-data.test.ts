import 'reflect-metadata';
import { TaxpayerDataCipher } from '../../src/platform/security/taxpayer-data-cipher';
import { Lookout } from '../../src/modules/tecs/lookout.entity';
import { createTestDatabase } from '../support/database';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';
import { fileReferral } from '../support/referral-operations';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';

let hub: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
});

afterAll(() => hub.stop());

const CLEAR = [/123-?45-?6789/, /12-?3456789/, /1972-04-18/];

describe('at rest', () => {
  it('never stores a TIN or a date of birth in clear, and finds them by keyed hash', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const lookout = await tecs(hub, tecsPeople.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
    const [row] = await hub.database.dataSource.query(`SELECT content::text AS content, tin_hashes FROM referral WHERE id = $1`, [
      referral.id,
    ]);
    const [lookoutRow] = await hub.database.dataSource.query(`SELECT tin, date_of_birth, tin_hash FROM lookout WHERE id = $1`, [
      lookout.id,
    ]);
    for (const value of [row.content, lookoutRow.tin, lookoutRow.date_of_birth])
      for (const clear of CLEAR) expect(value).not.toMatch(clear);
    expect(row.content).toContain('enc:v1:');
    expect(lookoutRow.tin).toMatch(/^enc:v1:/);
    expect(row.tin_hashes).toHaveLength(2);

    const byTin = dataOf(
      await hub.request(org.people.originator.id, `{ referrals(filter: { tin: "123456789" }) { edges { node { id } } } }`),
    ).referrals.edges;
    expect(byTin.map((e: { node: { id: string } }) => e.node.id)).toContain(referral.id);
    const none = dataOf(
      await hub.request(org.people.originator.id, `{ referrals(filter: { tin: "987-65-4321" }) { edges { node { id } } } }`),
    ).referrals.edges;
    expect(none).toEqual([]);
    const lookouts = dataOf(await hub.request(tecsPeople.coordinator.id, `{ lookouts(filter: { tin: "123-45-6789" }) { nodes { id } } }`))
      .lookouts.nodes;
    expect(lookouts.map((l: { id: string }) => l.id)).toEqual([lookout.id]);
  });

  it('opens a TIN only when it is shown: a page of referrals without their content opens none', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const opened = jest.spyOn(TaxpayerDataCipher.prototype, 'open');
    try {
      const page = dataOf(await hub.request(org.people.originator.id, `{ referrals(first: 50) { edges { node { id state } } } }`));
      expect(page.referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(referral.id);
      expect(opened).not.toHaveBeenCalled();
      const shown = dataOf(
        await hub.request(
          org.people.originator.id,
          `query($id: UUID!) { referral(id: $id) { content { ... on Form14566Content { taxpayer { ssnMasked } } } } }`,
          {
            id: referral.id,
          },
        ),
      );
      expect(shown.referral.content.taxpayer.ssnMasked).toMatch(/6789$/);
      expect(opened).toHaveBeenCalled();
    } finally {
      opened.mockRestore();
    }
  });

  it('opens values sealed with a retired key after the current key changes (rotation)', () => {
    const oldKey = Buffer.alloc(32, 1);
    const newKey = Buffer.alloc(32, 2);
    const hmac = Buffer.alloc(32, 3);
    const before = new TaxpayerDataCipher(new Map([['2025', oldKey]]), '2025', hmac);
    const sealed = before.seal('123456789');
    const after = new TaxpayerDataCipher(
      new Map([
        ['2025', oldKey],
        ['2026', newKey],
      ]),
      '2026',
      hmac,
    );
    expect(after.open(sealed)).toBe('123456789');
    expect(after.seal('123456789')).toMatch(/^enc:v1:2026:/);
    expect(after.hash('123-45-6789')).toBe(before.hash('123456789'));
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => after.open(tampered)).toThrow();
  });
});

describe('in responses', () => {
  it('masks TINs, and unmasks them only for parties, auditing every unmasking', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F4442',
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 },
    });
    const masked = dataOf(
      await hub.request(
        org.people.amLiaison.id,
        `query($id: UUID!) { referral(id: $id) { content { ... on Form4442Content { tinMasked } } } }`,
        { id: referral.id },
      ),
    );
    expect(masked.referral.content.tinMasked).toBe('***-**-6789');
    const unmasked = dataOf(
      await hub.request(org.people.amLiaison.id, `query($id: UUID!) { referral(id: $id) { unmaskedTins { path tin tinType } } }`, {
        id: referral.id,
      }),
    );
    expect(unmasked.referral.unmaskedTins).toEqual([{ path: 'tin', tin: '123456789', tinType: 'SSN' }]);
    const admin = await hub.request(org.people.admin.id, `query($id: UUID!) { referral(id: $id) { unmaskedTins { tin } } }`, {
      id: referral.id,
    });
    expect(errorCodeOf(admin)).toBe('FORBIDDEN');
    const audit = await hub.database.dataSource.query(
      `SELECT actor_id, operation, fields FROM access_audit WHERE kind = 'UNMASK' AND $1 = ANY(item_ids)`,
      [referral.id],
    );
    expect(audit).toEqual([{ actor_id: org.people.amLiaison.id, operation: 'Referral.unmaskedTins', fields: ['tin'] }]);
  });
});

describe('the migration', () => {
  it('seals rows that were stored in clear before it', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.dataSource;
      // Back to before the sealing migration (and any later ones): clear columns, dates as date.
      while ((await db.query(`SELECT 1 FROM migrations WHERE name LIKE 'ProtectTaxpayerData%'`)).length) await db.undoLastMigration();
      const [fn] = await db.query(
        `INSERT INTO business_function (code, name, time_zone) VALUES ('X', 'X', 'America/New_York') RETURNING id`,
      );
      const [ro] = await db.query(
        `INSERT INTO employee (email, name, function_id, roles) VALUES ('ro@x.gov', 'RO', $1, '{REVENUE_OFFICER}') RETURNING id`,
        [fn.id],
      );
      const [kase] = await db.query(
        `INSERT INTO collection_case (case_number, status, revenue_officer_id, group_manager_id) VALUES ('C-1', 'OPEN', $1, $1) RETURNING id`,
        [ro.id],
      );
      await db.query(
        `INSERT INTO lookout (reference_number, state, version, case_id, revenue_officer_id, group_manager_id, taxpayer_name, taxpayer_name_key, date_of_birth, tin, tin_type, address, international, balance_due_cents, tax_periods, contact_facts, criteria_met)
         VALUES ('L-1', 'ACTIVE', 1, $1, $2, $2, 'Pat Doe', 'PAT DOE', '1972-04-18', '123456789', 'SSN', 'Somewhere', false, 100, '[]', 'x', '{x}')`,
        [kase.id, ro.id],
      );
      await db.query(
        `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id, content, submitted_at)
         VALUES ('R-1', 'F4442', 'SUBMITTED', 1, $1, $2, $2, $3, now())`,
        [ro.id, fn.id, JSON.stringify({ ...VALID_4442, form: 'F4442', tin: '123456789' })],
      );
      await db.runMigrations();
      const [lookout] = await db.query(`SELECT tin, date_of_birth, tin_hash FROM lookout`);
      const [referral] = await db.query(`SELECT content::text AS content, tin_hashes FROM referral`);
      for (const value of [lookout.tin, lookout.date_of_birth, referral.content])
        for (const clear of CLEAR) expect(value).not.toMatch(clear);
      const entity = await db.manager.findOneByOrFail(Lookout, { referenceNumber: 'L-1' });
      expect([entity.tin, entity.dateOfBirth]).toEqual(['123456789', '1972-04-18']);
      expect(referral.tin_hashes).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });

  it('masks TINs that were typed into free text before they were refused, history included, and logs the count', async () => {
    const database = await createTestDatabase();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const db = database.dataSource;
      while ((await db.query(`SELECT 1 FROM migrations WHERE name LIKE 'MaskTinsInFreeText%'`)).length) await db.undoLastMigration();
      const [fn] = await db.query(
        `INSERT INTO business_function (code, name, time_zone) VALUES ('X', 'X', 'America/New_York') RETURNING id`,
      );
      const [ro] = await db.query(
        `INSERT INTO employee (email, name, function_id, roles) VALUES ('ro@x.gov', 'RO', $1, '{REVENUE_OFFICER}') RETURNING id`,
        [fn.id],
      );
      const sealedEin = 'enc:v1:dev1:AAAA:123456789-12345';
      const content = {
        ...VALID_14566,
        form: 'F14566',
        business: { ...VALID_14566.business, ein: sealedEin, address: { ...VALID_14566.business.address, zip: '200010003' } },
        completedResearch: ['BMFOL: no filings', 'Checked SSN 521-47-3398'],
        requestedActions: 'Add to the scheme list; TIN 521473398, call 202-555-0143 about 14566-2026-000002',
      };
      const [referral] = await db.query(
        `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id, content, submitted_at, actions_taken)
         VALUES ('R-1', 'F14566', 'SUBMITTED', 1, $1, $2, $2, $3, now(), $4) RETURNING id`,
        [ro.id, fn.id, JSON.stringify(content), ['Fixed EIN 12-3456789', 'Nothing to mask']],
      );
      await db.query(
        `INSERT INTO referral_history (referral_id, action, to_state, actor_id, at, note, details) VALUES
           ($1, 'FORWARD', 'FORWARDED', $2, now(), 'Forwarding; SSN 521 47 3398', NULL),
           ($1, 'ELEVATE', 'FORWARDED', $2, now(), 'Clean note 2026-11-23', '{"reason": "Owner TIN 521-47-3398 disputes it"}')`,
        [referral.id, ro.id],
      );
      await db.query(
        `INSERT INTO tecs_history (subject_type, subject_id, action, at, note) VALUES ('LOOKOUT', $1, 'ACCEPT', now(), 'EIN 12-3456789 per the RO')`,
        [referral.id],
      );
      await db.query(
        `INSERT INTO closure (start_date, end_date, nationwide, reason, created_by_id, created_at, updated_at) VALUES ('2026-12-24', '2026-12-24', true, 'EO for 521-47-3398', $1, now(), now())`,
        [ro.id],
      );

      await db.runMigrations();

      const [stored] = await db.query(`SELECT content, actions_taken FROM referral`);
      expect(stored.content.completedResearch).toEqual(['BMFOL: no filings', 'Checked SSN ***-**-3398']);
      expect(stored.content.requestedActions).toBe('Add to the scheme list; TIN *****3398, call 202-555-0143 about 14566-2026-000002');
      expect(stored.content.business.ein).toBe(sealedEin);
      expect(stored.content.business.address.zip).toBe('200010003');
      expect(stored.actions_taken).toEqual(['Fixed EIN **-***6789', 'Nothing to mask']);
      const history = await db.query(`SELECT note, details FROM referral_history ORDER BY id`);
      expect(history).toEqual([
        { note: 'Forwarding; SSN *** ** 3398', details: null },
        { note: 'Clean note 2026-11-23', details: { reason: 'Owner TIN ***-**-3398 disputes it' } },
      ]);
      expect(await db.query(`SELECT note FROM tecs_history`)).toEqual([{ note: 'EIN **-***6789 per the RO' }]);
      expect(await db.query(`SELECT reason FROM closure`)).toEqual([{ reason: 'EO for ***-**-3398' }]);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/MaskTinsInFreeText\d+: masked 7 TIN-shaped number\(s\) in 5 row\(s\)/));
      // The histories are append-only again.
      await expect(db.query(`UPDATE referral_history SET note = 'x'`)).rejects.toThrow(/append-only/);
      await expect(db.query(`UPDATE tecs_history SET note = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      log.mockRestore();
      await database.drop();
    }
  });
});
