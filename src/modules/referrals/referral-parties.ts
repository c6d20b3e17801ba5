import { Caller } from '../org/caller';
import { REFERRAL_LIFECYCLES, ReferralParty, ruleOf } from './referral-lifecycle';
import { LifecycleAction, ReferralAction } from './referral-state';
import { Referral } from './referral.entity';

/** How the caller relates to the referral. */
export function partiesOf(caller: Caller, referral: Referral): Set<ReferralParty> {
  const parties = new Set<ReferralParty>();
  if (referral.originatorId === caller.id) parties.add(ReferralParty.ORIGINATOR);
  // Separation of duties: the originator never reviews their own referral as its liaison; a stand-in may.
  if (
    (caller.isLiaisonFor(referral.originatingFunctionId) && referral.originatorId !== caller.id) ||
    referral.standInReviewerId === caller.id
  ) {
    parties.add(ReferralParty.ORIGINATING_LIAISON);
  }
  if (caller.isLiaisonFor(referral.receivingFunctionId)) parties.add(ReferralParty.RECEIVING_LIAISON);
  if (referral.assigneeId === caller.id) parties.add(ReferralParty.ASSIGNEE);
  if (referral.elevationHolderIds.includes(caller.id)) parties.add(ReferralParty.ELEVATION_HOLDER);
  if (caller.employee.functionId === referral.receivingFunctionId) parties.add(ReferralParty.RECEIVING_EMPLOYEE);
  return parties;
}

/** The actions the caller may take on the referral now (the route of its form, its state and who the caller is). */
export function availableActions(caller: Caller, referral: Referral): LifecycleAction[] {
  const parties = partiesOf(caller, referral);
  return (Object.keys(REFERRAL_LIFECYCLES[referral.form].rules) as LifecycleAction[]).filter((action) => {
    const rule = ruleOf(referral.form, action)!;
    if (!rule.from || !rule.from.includes(referral.state)) return false;
    if (action === ReferralAction.RESOLVE_ELEVATION && referral.elevationLevel === 0) return false;
    return rule.by.some((party) => parties.has(party));
  });
}
