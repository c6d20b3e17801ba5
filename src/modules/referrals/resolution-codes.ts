import { Referral14566Purpose } from './forms/form-14566';
import { ReferralForm } from './forms/referral-form';
import type { StoredReferralContent } from './forms/form-content';

/** How a referral may end: the codes its receiver answers with, whether one is required, and where the IRM names them. */
export interface ResolutionRule {
  codes: readonly string[];
  required: boolean;
  source: string;
}

const CI_ANSWER: ResolutionRule = {
  codes: ['OPEN_CI_INVESTIGATION', 'NO_OPEN_CI_INVESTIGATION'],
  required: true,
  source: 'IRM 10.5.3.3.10(3): CI says whether there is an open investigation related to the EIN',
};
const ACTIONS_ONLY: ResolutionRule = {
  codes: ['ACTIONS_COMPLETED'],
  required: false,
  source: 'IRM 10.5.3.3.7.1(6): the actions taken are documented; the IRM names no outcome codes',
};

/** A 14566 ends as its receiver answers, and the receiver follows from the purpose (the routes). */
const BY_14566_PURPOSE: Readonly<Record<Referral14566Purpose, ResolutionRule>> = {
  [Referral14566Purpose.EF_SCHEME_CHECK]: {
    codes: ['ADDED_TO_SCHEME_LIST', 'REJECTED_NOT_BMF_ID_THEFT'],
    required: true,
    source: 'IRM 10.5.3.3.9(4): added to the scheme list, or rejected as not involving BMF ID theft',
  },
  [Referral14566Purpose.CI_SCHEME_SEARCH]: CI_ANSWER,
  [Referral14566Purpose.CI_DETERMINATION_NOTICE]: CI_ANSWER,
  [Referral14566Purpose.CAWR_FALSE_INCOME_DOCUMENTS]: ACTIONS_ONLY,
  [Referral14566Purpose.SP_ENTITY_TC020]: {
    codes: ['TC020_INPUT'],
    required: true,
    source: 'IRM 10.5.3.3.12: SP Entity inputs TC 020 and "Identity Theft" on the second name line',
  },
  [Referral14566Purpose.GENERAL_ACTION_REQUEST]: ACTIONS_ONLY,
};

/** RIVO closes a control only with a closing activity code (Exhibit 25.25.6-9; MAN2* from 25.25.6.7.1.2.1(5)). */
const RIVO_SOURCE = 'Exhibit 25.25.6-9: RIVO closes the control with a closing activity code';
const BY_RIVO_FORM: Readonly<Record<ReferralForm.F4442 | ReferralForm.F3210, ResolutionRule>> = {
  [ReferralForm.F4442]: {
    codes: [
      'RTN2PROC',
      'NONIDTRTN',
      'IDTRTN',
      'GOODRTN',
      'FAILEDAUTH',
      'SENT2TAC',
      'ERRORCASE',
      'MAN2AQC',
      'MAN2WOW',
      'MAN2EXAM',
      '1040X2AM',
      '1040X2SP',
    ],
    required: true,
    source: RIVO_SOURCE,
  },
  [ReferralForm.F3210]: { codes: ['RTN2PROC', 'NONIDTRTN', 'IDTRTN', 'GOODRTN', 'ERRORCASE'], required: true, source: RIVO_SOURCE },
};

/**
 * How a referral of this form (and, for a 14566, purpose) may be completed. "No TPP involvement" (NOTIVO) and the
 * misroute codes are steps of their own on the RIVO route.
 */
export function resolutionRuleOf(form: ReferralForm, purpose: string | null): ResolutionRule {
  if (form === ReferralForm.F14566) return BY_14566_PURPOSE[purpose as Referral14566Purpose] ?? ACTIONS_ONLY;
  return BY_RIVO_FORM[form];
}

/** Exhibit 25.25.6-9: "Correspondence is a misroute and was routed to the correct function/process - closed control". */
export const MISROUTE_CODES: readonly string[] = ['CL2AM', 'CL2EXAM', 'CL2WOW', 'CL2AQC'];

/** The purpose of a stored 14566 (its route and its resolution codes depend on it); 4442 and 3210 have none. */
export function purposeOf(content: StoredReferralContent): string | null {
  return content.form === ReferralForm.F14566 ? content.purpose : null;
}

/** The most codes any form or purpose answers with: what a list of a referral's codes may cost. */
export const MAX_RESOLUTION_CODES = Math.max(
  MISROUTE_CODES.length,
  ...[...Object.values(BY_14566_PURPOSE), ...Object.values(BY_RIVO_FORM), ACTIONS_ONLY].map((rule) => rule.codes.length),
);
