import { ReferralForm } from './forms/referral-form';

/**
 * How a completed referral ended, per form. 14566 outcomes come from the receiving teams' answers
 * (EF team: IRM 10.5.3.3.9(4); CI: 10.5.3.3.10(3); SP Entity: 10.5.3.3.12); 4442/3210 use RIVO's
 * closing activity codes (IRM 25.25.6, Exhibit 25.25.6-9; MAN2* from 25.25.6.7.1.2.1(5)). "No TPP
 * involvement" (NOTIVO) and the misroute codes are steps of their own.
 */
export const RESOLUTION_CODES: Readonly<Record<ReferralForm, readonly string[]>> = {
  [ReferralForm.F14566]: [
    'ACTIONS_COMPLETED',
    'ADDED_TO_SCHEME_LIST',
    'REJECTED_NOT_BMF_ID_THEFT',
    'OPEN_CI_INVESTIGATION',
    'NO_OPEN_CI_INVESTIGATION',
    'TC020_INPUT',
  ],
  [ReferralForm.F4442]: [
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
  [ReferralForm.F3210]: ['RTN2PROC', 'NONIDTRTN', 'IDTRTN', 'GOODRTN', 'ERRORCASE'],
};

/** RIVO closes a control only with a closing activity code (Exhibit 25.25.6-9): required for these forms. */
export const RESOLUTION_REQUIRED: Readonly<Record<ReferralForm, boolean>> = {
  [ReferralForm.F14566]: false,
  [ReferralForm.F4442]: true,
  [ReferralForm.F3210]: true,
};

/** Exhibit 25.25.6-9: "Correspondence is a misroute and was routed to the correct function/process - closed control". */
export const MISROUTE_CODES: readonly string[] = ['CL2AM', 'CL2EXAM', 'CL2WOW', 'CL2AQC'];
