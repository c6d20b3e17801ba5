import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { dataOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { fileReferral, TRANSITIONS } from '../support/referral-operations';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const CREATE = 'mutation { createMyCalendarFeed { url createdAt } }';
const REVOKE = 'mutation { revokeMyCalendarFeed }';

/** Fetches a feed URL from this hub (its host is APP_BASE_URL, where the console is reached). */
const fetchFeed = (url: string) => fetch(new URL(new URL(url).pathname, hub.url));

/** The iCalendar text unfolded (RFC 5545 folds lines at 75 octets), so a property reads as one line. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** 2026-11-27T14:00:00.000Z → 20261127T140000Z, as iCalendar writes a UTC instant. */
const icsInstant = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe("a person's calendar feed of the deadlines they must meet", () => {
  it('lists the due times of the referrals they must act on, with reference, form, state and console link only (no taxpayer data)', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const forwarded = dataOf(
      await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, { input: { referralId: referral.id } }),
    ).forwardReferral;

    const { url } = dataOf(await hub.request(org.people.efLiaison.id, CREATE)).createMyCalendarFeed;
    expect(url).toMatch(/^https:\/\/hub\.example\.gov\/calendar\/[\w-]{43}\.ics$/);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const ics = unfold(await response.text());
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // IRM 10.5.3.3.7.1: the receiving liaison acknowledges within 3 business days; the event sits at that due instant.
    const due = icsInstant(forwarded.nextDueAt);
    expect(ics).toContain(`DTSTART:${due}\r\n`);
    expect(ics).toContain(`UID:${referral.id}@referral-hub\r\n`);
    expect(ics).toContain(`SUMMARY:Due: ${referral.referenceNumber} (F14566\\, FORWARDED)\r\n`);
    expect(ics).toContain(`URL;VALUE=URI:https://hub.example.gov/referrals/${referral.id}\r\n`);
    for (const taxpayerData of ['Acme', 'Jane', 'Owner', '3456789', '6789', 'Elm', 'Main St', 'EF_SCHEME_CHECK', 'Pat Examiner']) {
      expect(ics).not.toContain(taxpayerData);
    }

    // Only one's own deadlines: the originator has nothing to act on now.
    const own = dataOf(await hub.request(org.people.originator.id, CREATE)).createMyCalendarFeed;
    expect(unfold(await (await fetchFeed(own.url)).text())).not.toContain('BEGIN:VEVENT');

    // Each fetch is an audited read by the feed's owner, naming what it listed.
    const [audit] = await hub.database.dataSource.query(
      `SELECT actor_id, operation, item_ids FROM access_audit WHERE operation = 'calendarFeed' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [org.people.efLiaison.id],
    );
    expect(audit).toEqual({ actor_id: org.people.efLiaison.id, operation: 'calendarFeed', item_ids: [referral.id] });
  });

  it('keeps only the hash of the token, and revoking or replacing the feed stops the old URL at once', async () => {
    const first = dataOf(await hub.request(org.people.rivoLiaison.id, CREATE)).createMyCalendarFeed;
    const token = /\/calendar\/([\w-]+)\.ics$/.exec(first.url)![1];
    const rows = await hub.database.dataSource.query(`SELECT token_hash FROM calendar_feed_token WHERE employee_id = $1`, [
      org.people.rivoLiaison.id,
    ]);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    expect((await fetchFeed(first.url)).status).toBe(200);

    const second = dataOf(await hub.request(org.people.rivoLiaison.id, CREATE)).createMyCalendarFeed;
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);

    expect(dataOf(await hub.request(org.people.rivoLiaison.id, REVOKE)).revokeMyCalendarFeed).toBe(true);
    expect((await fetchFeed(second.url)).status).toBe(404);
    expect(dataOf(await hub.request(org.people.rivoLiaison.id, REVOKE)).revokeMyCalendarFeed).toBe(false);
    expect((await fetch(new URL('/calendar/not-a-token.ics', hub.url))).status).toBe(404);
  });

  it("stops serving a deactivated employee's feed", async () => {
    const { url } = dataOf(await hub.request(org.people.cawrLiaison.id, CREATE)).createMyCalendarFeed;
    expect((await fetchFeed(url)).status).toBe(200);
    await hub.services.org.updateEmployee(org.people.cawrLiaison.id, { active: false });
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
