import { Caller } from '../org/caller';
import { REFERRAL_LIFECYCLE, ReferralParty } from './referral-lifecycle';
import { LifecycleAction, ReferralAction } from './referral-state';
import { Referral } from './referral.entity';

/** How the caller relates to the referral. */
export function partiesOf(caller: Caller, referral: Referral): Set<ReferralParty> {
  const parties = new Set<ReferralParty>();
  if (referral.originatorId === caller.id) parties.add(ReferralParty.ORIGINATOR);
  if (caller.isLiaisonFor(referral.originatingFunctionId)) parties.add(ReferralParty.ORIGINATING_LIAISON);
  if (caller.isLiaisonFor(referral.receivingFunctionId)) parties.add(ReferralParty.RECEIVING_LIAISON);
  if (referral.assigneeId === caller.id) parties.add(ReferralParty.ASSIGNEE);
  if (referral.elevationHolderIds.includes(caller.id)) parties.add(ReferralParty.ELEVATION_HOLDER);
  return parties;
}

export function mayAct(caller: Caller, referral: Referral, action: LifecycleAction): boolean {
  const rule = REFERRAL_LIFECYCLE.rules[action];
  const parties = partiesOf(caller, referral);
  return rule.by.some((party) => parties.has(party));
}

/** The actions the caller may take on the referral now (its state, its form and who the caller is). */
export function availableActions(caller: Caller, referral: Referral): LifecycleAction[] {
  return (Object.keys(REFERRAL_LIFECYCLE.rules) as LifecycleAction[]).filter((action) => {
    const rule = REFERRAL_LIFECYCLE.rules[action];
    if (!rule.from || !rule.from.includes(referral.state)) return false;
    if (rule.forms && !rule.forms.includes(referral.form)) return false;
    if (action === ReferralAction.RESOLVE_ELEVATION && referral.elevationLevel === 0) return false;
    return mayAct(caller, referral, action);
  });
}
