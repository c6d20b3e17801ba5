import 'reflect-metadata';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The migration that put Forms 4442 and 3210 on their own route (IRM 25.25.6: straight to RIVO), tried on a
 * database holding referrals of every form in every state of the route before it.
 */
let database: TestDatabase;

const OLD_STATES = [
  'SUBMITTED',
  'RETURNED',
  'FORWARDED',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'COMPLETED',
  'CLOSED',
  'WITHDRAWN',
  'RETURNED_NO_TPP',
];
const EXPECTED: Record<string, string> = {
  SUBMITTED: 'RECEIVED',
  RETURNED: 'RECEIVED',
  FORWARDED: 'RECEIVED',
  ACKNOWLEDGED: 'RECEIVED',
  ASSIGNED: 'CHECKED_OUT',
  COMPLETED: 'CLOSED',
  CLOSED: 'CLOSED',
  WITHDRAWN: 'WITHDRAWN',
  RETURNED_NO_TPP: 'RETURNED_NO_TPP',
};
const MIGRATION = 'RivoRoute1796232317841';
const FILED_AT = '2026-11-23T14:00:00Z';

beforeAll(async () => {
  database = await createTestDatabase();
  const { dataSource } = database;
  // Back to the schema just before the migration (later migrations, if any, are undone first).
  for (;;) {
    const [last] = await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await dataSource.undoLastMigration();
    if (last.name === MIGRATION) break;
  }
  const [am] = await dataSource.query(
    `INSERT INTO business_function (code, name, time_zone) VALUES ('AM', 'Accounts Management', 'America/New_York') RETURNING id`,
  );
  const [rivo] = await dataSource.query(
    `INSERT INTO business_function (code, name, time_zone) VALUES ('RICS-RIVO', 'RICS RIVO', 'America/Chicago') RETURNING id`,
  );
  const [sender] = await dataSource.query(`INSERT INTO employee (email, name, function_id) VALUES ('s@x.gov', 's', $1) RETURNING id`, [
    am.id,
  ]);
  const [worker] = await dataSource.query(`INSERT INTO employee (email, name, function_id) VALUES ('w@x.gov', 'w', $1) RETURNING id`, [
    rivo.id,
  ]);
  let n = 0;
  for (const form of ['F4442', 'F3210', 'F14566'])
    for (const state of OLD_STATES) {
      const [referral] = await dataSource.query(
        `INSERT INTO referral (reference_number, form, state, version, originator_id, originating_function_id, receiving_function_id,
           assignee_id, category_code, content, created_at, submitted_at, review_due_at, received_at, ack_due_at, completion_due_at,
           completed_at, next_due_at)
         VALUES ($1, $2, $3, 3, $4, $5, $6, $7, $8, '{}'::jsonb, $9, $9, $10, $11, $11, $11, $12, $10) RETURNING id`,
        [
          `T-${String(n++).padStart(2, '0')}`,
          form,
          state,
          sender.id,
          am.id,
          rivo.id,
          ['ASSIGNED', 'COMPLETED'].includes(state) ? worker.id : null,
          form === 'F4442' ? 'RICS_RIVO_MFT_REVERSAL' : null,
          FILED_AT,
          state === 'SUBMITTED' ? '2026-11-28T04:59:59.999Z' : null,
          ['FORWARDED', 'ACKNOWLEDGED', 'ASSIGNED'].includes(state) ? '2026-11-30T05:59:59.999Z' : null,
          state === 'COMPLETED' ? '2026-12-01T16:00:00Z' : null,
        ],
      );
      await dataSource.query(
        `INSERT INTO referral_history (referral_id, action, to_state, actor_id, at) VALUES ($1, 'FILE', 'SUBMITTED', $2, $3)`,
        [referral.id, sender.id, FILED_AT],
      );
    }
  await dataSource.runMigrations();
});

afterAll(() => database.drop());

const rowsOf = (form: string) =>
  database.dataSource.query(
    `SELECT r.reference_number, r.state, r.version, r.assignee_id, r.review_due_at, r.ack_due_at, r.completion_due_at, r.next_due_at,
            r.closed_at, r.completed_at, r.sla_check_at,
            (SELECT json_agg(json_build_object('action', h.action, 'from', h.from_state, 'to', h.to_state, 'actor', h.actor_id,
                     'note', h.note, 'details', h.details) ORDER BY h.id) FROM referral_history h WHERE h.referral_id = r.id) AS history
       FROM referral r WHERE r.form = $1 ORDER BY r.reference_number`,
    [form],
  );

describe('the RIVO route migration (IRM 25.25.6)', () => {
  it.each(['F4442', 'F3210'])('moves every open Form %s to its RIVO state, keeps its history and says what moved it', async (form) => {
    const rows = await rowsOf(form);
    expect(rows.map((r: { state: string }) => r.state)).toEqual(OLD_STATES.map((state) => EXPECTED[state]));
    for (const [i, row] of rows.entries()) {
      const old = OLD_STATES[i];
      const moved = !['CLOSED', 'WITHDRAWN', 'RETURNED_NO_TPP'].includes(old);
      expect(row.history[0]).toMatchObject({ action: 'FILE', to: 'SUBMITTED' }); // history kept
      if (!moved) {
        expect({ old, history: row.history.length, version: row.version }).toEqual({ old, history: 1, version: 3 });
        continue;
      }
      expect({ old, entry: row.history[1] }).toEqual({
        old,
        entry: {
          action: 'ROUTE_MIGRATED',
          from: old,
          to: EXPECTED[old],
          actor: null,
          note: expect.stringContaining(MIGRATION),
          details: { migration: MIGRATION, route: 'IRM 25.25.6' },
        },
      });
      expect({ old, version: row.version, review: row.review_due_at, ack: row.ack_due_at }).toEqual({
        old,
        version: 4,
        review: null,
        ack: null,
      });
      expect(row.sla_check_at).not.toBeNull();
    }
  });

  it("IRM 25.25.6.6.4: re-counts the completion clock from the date of the Form 4442, in RIVO's zone", async () => {
    const rows = await rowsOf('F4442');
    const open = rows.filter((row: { state: string }) => ['RECEIVED', 'CHECKED_OUT'].includes(row.state));
    expect(open).toHaveLength(5);
    for (const row of open) {
      expect(row.completion_due_at.toISOString()).toBe('2027-01-23T05:59:59.999Z'); // 11-23 + 60 days, end of day Chicago
      expect(row.next_due_at.toISOString()).toBe('2027-01-23T05:59:59.999Z');
    }
  });

  it('gives a 3210 no completion clock, keeps the assignee of one checked out and closes a completed one', async () => {
    const rows = await rowsOf('F3210');
    const byOld = Object.fromEntries(OLD_STATES.map((state, i) => [state, rows[i]]));
    expect(byOld.FORWARDED).toMatchObject({ completion_due_at: null, next_due_at: null });
    expect(byOld.ASSIGNED.assignee_id).not.toBeNull();
    expect(byOld.COMPLETED.closed_at.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(byOld.COMPLETED.next_due_at).toBeNull();
  });

  it('leaves every Form 14566 as it was (IRM 10.5.3 route)', async () => {
    const rows = await rowsOf('F14566');
    expect(rows.map((r: { state: string }) => r.state)).toEqual(OLD_STATES);
    expect(rows.every((r: { history: unknown[]; version: number }) => r.history.length === 1 && r.version === 3)).toBe(true);
  });

  it('gives the "allow 9 weeks" categories 63 days (IRM 25.25.6.5.5.1(3), 25.25.6.6.4(5))', async () => {
    const categories = await database.dataSource.query(
      `SELECT code, completion_days FROM referral_category WHERE code IN ('RICS_RIVO_MFT32_REVERSAL', 'RICS_RIVO_UP147_RC8') ORDER BY code`,
    );
    expect(categories).toEqual([
      { code: 'RICS_RIVO_MFT32_REVERSAL', completion_days: 63 },
      { code: 'RICS_RIVO_UP147_RC8', completion_days: 63 },
    ]);
  });
});
