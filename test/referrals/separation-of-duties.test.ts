import 'reflect-metadata';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { act, fileReferral, TRANSITIONS } from '../support/referral-operations';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const fileAsLiaison = () =>
  fileReferral(hub, org.people.amLiaison.id, {
    form: 'F14566',
    receivingFunctionId: org.functions.ef.id,
    content: { form14566: VALID_14566 },
  });

describe('separation of duties: a liaison does not review a referral they filed (IRM 10.5.3.3.7(3))', () => {
  it('IRM 10.5.3.3.7(3): another liaison of the function forwards it; the filing liaison may not', async () => {
    await hub.services.org.assignLiaison(org.functions.am.id, org.people.amColleague.id);
    try {
      const filed = await fileAsLiaison();
      expect(filed.availableActions).not.toContain('FORWARD');
      const own = await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, { input: { referralId: filed.id } });
      expect(errorCodeOf(own)).toBe('FORBIDDEN');
      const ownReturn = await hub.request(org.people.amLiaison.id, TRANSITIONS.returnIncomplete, {
        input: { referralId: filed.id, missingItems: ['x'] },
      });
      expect(errorCodeOf(ownReturn)).toBe('FORBIDDEN');
      expect((await act(hub, org.people.amColleague.id, 'forward', { referralId: filed.id })).state).toBe('FORWARDED');
    } finally {
      await hub.services.org.removeLiaison(org.functions.am.id, org.people.amColleague.id);
    }
  });

  it("IRM 10.5.3.3.7(3): with no other liaison, the filing liaison's manager reviews it instead", async () => {
    const filed = await fileAsLiaison();
    const queue = dataOf(await hub.request(org.people.amManager.id, `query { myWorkQueue { nodes { id } } }`)).myWorkQueue.nodes as {
      id: string;
    }[];
    expect(queue.map((r) => r.id)).toContain(filed.id);
    expect(errorCodeOf(await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, { input: { referralId: filed.id } }))).toBe(
      'FORBIDDEN',
    );
    const forwarded = await act(hub, org.people.amManager.id, 'forward', { referralId: filed.id });
    expect(forwarded.state).toBe('FORWARDED');
    // Someone else's manager is no stand-in.
    const other = await fileAsLiaison();
    expect(errorCodeOf(await hub.request(org.people.efManager.id, TRANSITIONS.forward, { input: { referralId: other.id } }))).toBe(
      'NOT_FOUND',
    );
  });
});
