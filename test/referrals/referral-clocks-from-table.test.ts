import 'reflect-metadata';
import { Referral } from '../../src/modules/referrals/referral.entity';
import { REFERRAL_LIFECYCLES, ReferralClockSet } from '../../src/modules/referrals/referral-lifecycle';
import { LifecycleAction, ReferralAction } from '../../src/modules/referrals/referral-state';
import { startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566, VALID_4442 } from '../support/org-fixture';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { Referral14566Purpose } from '../../src/modules/referrals/forms/form-14566';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub({ now: '2026-11-23T14:00:00Z' });
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

/** Whether a clock of the table runs on the stored referral. */
const RUNNING: Record<ReferralClockSet, (r: Referral) => boolean> = {
  REVIEW: (r) => r.reviewDueAt !== null,
  RECEIPT: (r) => r.receivedAt !== null && r.completionDueAt !== null,
  FORM_DATE: (r) => r.receivedAt !== null && r.completionDueAt !== null,
};

describe('the referral clocks follow REFERRAL_LIFECYCLES (the applier starts and stops what the table says)', () => {
  it('runs exactly the clocks each step of file → return → resubmit → forward → return to liaison starts, and none it stops', async () => {
    const caller = (id: string) => hub.services.org.loadCaller(id);
    const { originator, amLiaison, efLiaison } = org.people;
    const referrals = hub.services.referrals;
    const filed = await referrals.file(await caller(originator.id), {
      form: ReferralForm.F14566,
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: { ...VALID_14566, purpose: Referral14566Purpose.EF_SCHEME_CHECK } },
    });
    const steps: [LifecycleAction, () => Promise<unknown>][] = [
      [ReferralAction.FILE, async () => filed],
      [
        ReferralAction.RETURN_INCOMPLETE,
        async () => referrals.returnIncomplete(await caller(amLiaison.id), { referralId: filed.id, missingItems: ['Form 2848'] }),
      ],
      [ReferralAction.RESUBMIT, async () => referrals.resubmit(await caller(originator.id), { referralId: filed.id })],
      [ReferralAction.FORWARD, async () => referrals.forward(await caller(amLiaison.id), { referralId: filed.id })],
      [
        ReferralAction.RETURN_TO_ORIGINATING_LIAISON,
        async () => referrals.returnToOriginatingLiaison(await caller(efLiaison.id), { referralId: filed.id, missingItems: ['Page 2'] }),
      ],
    ];
    for (const [action, take] of steps) {
      await take();
      const stored = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: filed.id });
      const rule = REFERRAL_LIFECYCLES.F14566.rules[action];
      for (const clock of rule.starts ?? [])
        expect({ action, clock, running: RUNNING[clock](stored) }).toEqual({ action, clock, running: true });
      for (const clock of rule.stops ?? [])
        expect({ action, clock, running: RUNNING[clock](stored) }).toEqual({ action, clock, running: false });
    }
    // Every clock the table names is started and stopped somewhere on this walk.
    const named = steps.flatMap(([action]) => [
      ...(REFERRAL_LIFECYCLES.F14566.rules[action].starts ?? []),
      ...(REFERRAL_LIFECYCLES.F14566.rules[action].stops ?? []),
    ]);
    expect(new Set(named)).toEqual(new Set(['REVIEW', 'RECEIPT']));
  });

  it('starts the completion clock of a 4442 at filing, counted from the date of the form (IRM 25.25.6.6.4)', async () => {
    const filed = await hub.services.referrals.file(await hub.services.org.loadCaller(org.people.originator.id), {
      form: ReferralForm.F4442,
      receivingFunctionId: org.functions.rivo.id,
      content: { form4442: VALID_4442 as never },
    });
    const stored = await hub.database.dataSource.manager.findOneByOrFail(Referral, { id: filed.id });
    expect(REFERRAL_LIFECYCLES.F4442.rules[ReferralAction.FILE].starts).toEqual(['FORM_DATE']);
    expect(RUNNING.FORM_DATE(stored)).toBe(true);
    expect(stored).toMatchObject({ reviewDueAt: null, ackDueAt: null });
  });
});
