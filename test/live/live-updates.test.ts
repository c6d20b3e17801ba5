import 'reflect-metadata';
import { Caller } from '../../src/modules/org/caller';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { startTestHub, TestHub } from '../support/hub';
import { openLiveStream, LiveStream } from '../support/live-stream';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { eventually } from '../support/wait';
import { CLEVELAND_REQUEST, createTecsOrganisation } from '../support/tecs-fixture';
import { putOnLookout, tecs } from '../support/tecs-operations';

let hub: TestHub;
let org: TestOrganisation;
let originator: Caller;
let amLiaison: Caller;
const streams: LiveStream[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  [originator, amLiaison] = await Promise.all([org.people.originator, org.people.amLiaison].map((p) => hub.services.org.loadCaller(p.id)));
});

afterAll(async () => {
  streams.forEach((stream) => stream.close());
  await hub.stop();
});

async function stream(employeeId: string): Promise<LiveStream> {
  const opened = await openLiveStream(hub, employeeId);
  streams.push(opened);
  await eventually(async () => opened.messages.find((m) => m.event === 'ready'), 5000, 'the ready event');
  return opened;
}

const referralIds = (s: LiveStream) => s.messages.filter((m) => m.event === 'referral').flatMap((m) => m.ids ?? []);

/** A 14566 to the EF team checks a scheme; to any other function it is a general action request (IRM 10.5.3.3.7). */
function file(receivingFunctionId: string): Promise<Referral> {
  const purpose = receivingFunctionId === org.functions.ef.id ? 'EF_SCHEME_CHECK' : 'GENERAL_ACTION_REQUEST';
  return hub.services.referrals.file(originator, {
    form: ReferralForm.F14566,
    receivingFunctionId,
    content: { form14566: { ...VALID_14566, purpose } as never },
  });
}

describe('live updates (GET /live, server-sent events)', () => {
  it('tells each subscriber about the referral changes it may see, and nobody else', async () => {
    const [ef, rivo, origin, admin] = await Promise.all(
      [org.people.efLiaison, org.people.rivoLiaison, org.people.originator, org.people.admin].map((p) => stream(p.id)),
    );
    const toEf = await file(org.functions.ef.id);
    await eventually(async () => referralIds(origin).includes(toEf.id) || undefined, 5000, 'the originator hears of the filing');
    await hub.services.referrals.forward(amLiaison, { referralId: toEf.id });
    await eventually(async () => referralIds(ef).includes(toEf.id) || undefined, 5000, 'the receiving liaison hears of the forward');
    await eventually(async () => referralIds(admin).includes(toEf.id) || undefined, 5000, 'the admin hears of it');

    // A referral to RIVO afterwards: RIVO's liaison hears of that one, and never heard of the EF one.
    const toRivo = await hub.services.referrals.forward(amLiaison, { referralId: (await file(org.functions.rivo.id)).id });
    await eventually(async () => referralIds(rivo).includes(toRivo.id) || undefined, 5000, 'the RIVO liaison hears of its referral');
    expect(referralIds(rivo)).not.toContain(toEf.id);
    expect(referralIds(ef)).not.toContain(toRivo.id);
    // Ids only: nothing of the referral's content goes down the stream.
    expect(JSON.stringify(ef.messages)).not.toContain(VALID_14566.business.name);
  });

  it('says nothing of a change that was rolled back', async () => {
    const origin = await stream(org.people.originator.id);
    await expect(
      hub.services.referrals.file(originator, {
        form: ReferralForm.F14566,
        receivingFunctionId: org.functions.ef.id,
        content: { form14566: { ...VALID_14566, originatorContact: { ...VALID_14566.originatorContact, fax: '' } } as never },
      }),
    ).rejects.toThrow();
    const filed = await file(org.functions.ef.id);
    await eventually(async () => referralIds(origin).includes(filed.id) || undefined, 5000, 'the next filing');
    // Every referral heard of exists: a late event of an earlier test's referral may arrive, one never committed may not.
    const heard = [...new Set(referralIds(origin))];
    const stored = await hub.database.dataSource.query(`SELECT id FROM referral WHERE id = ANY($1::uuid[])`, [heard]);
    expect(stored.map((row: { id: string }) => row.id).sort()).toEqual(heard.sort());
  });

  it('tells the coordinator and those on the case of a crossing DHS reports, and not other ROs', async () => {
    const people = await createTecsOrganisation(hub.services);
    const lookout = await putOnLookout(hub, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
    const [coordinator, ro, otherRo] = await Promise.all([people.coordinator, people.clevelandRo, people.otherRo].map((p) => stream(p.id)));
    const crossing = await tecs(hub, people.dhsClient.id, 'reportCrossing', {
      dhsReportId: 'DHS-LIVE-1',
      taxpayerName: CLEVELAND_REQUEST.taxpayerName,
      dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
      placeOfCrossing: 'Detroit, MI',
      crossedAt: hub.clock.now().toISOString(),
      direction: 'INBOUND',
      documentNumber: 'P123456789',
    });
    const crossingIds = (s: LiveStream) => s.messages.filter((m) => m.event === 'crossing').flatMap((m) => m.ids ?? []);
    await eventually(async () => crossingIds(coordinator).includes(crossing.id) || undefined, 5000, 'the coordinator hears of it');
    await eventually(async () => crossingIds(ro).includes(crossing.id) || undefined, 5000, "the lookout's RO hears of it");
    // A lookout change the other RO is not on: still nothing for them.
    await tecs(hub, people.clevelandRo.id, 'requestLookoutRemoval', { lookoutId: lookout.id, note: 'Balance paid in full' });
    await eventually(
      async () => coordinator.messages.some((m) => m.event === 'lookout' && m.ids?.includes(lookout.id)) || undefined,
      5000,
      'lookout',
    );
    expect(otherRo.messages.map((m) => m.event)).toEqual(['ready']);
  });

  it('needs a valid token (the role check is in the access matrix)', async () => {
    const anonymous = await fetch(`${new URL(hub.url).origin}/live`);
    expect(anonymous.status).toBe(401);
    await expect(anonymous.json()).resolves.toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
