import { Field, ObjectType } from 'type-graphql';

/** A code a referral closes with, and what it means in the IRM's words, so a picker need not show a bare code. */
@ObjectType({ description: 'A code a referral closes with (resolution or misroute code) and what it means, from the IRM' })
export class ResolutionCode {
  @Field({ description: 'The code itself, as completeReferral / closeReferralAsMisroute take it (e.g. RTN2PROC)' })
  code!: string;

  @Field({ description: 'What the code means, in the words of the IRM section that names it (e.g. Exhibit 25.25.6-9)' })
  meaning!: string;
}

/**
 * Exhibit 25.25.6-9 (RIVO control base activity fields), except where another section is cited. Every code of
 * resolution-codes.ts has its entry (test/referrals/resolution-code-meanings.test.ts).
 */
const MEANINGS: Readonly<Record<string, string>> = {
  RTN2PROC: 'A return provided by the taxpayer was sent to Submission Processing (SP) - RIVO case closed',
  NONIDTRTN: 'Non-Identity Theft Return determination made - RIVO case closed',
  IDTRTN: 'Identity Theft Return determination made - RIVO case closed',
  // IRM 25.25.6.8(3): the return is the valid return filed by the TIN owner.
  GOODRTN: 'Good return: the return is the valid return filed by the taxpayer identification number owner - RIVO case closed',
  FAILEDAUTH: 'The response could not be authenticated. Letter 5216 sent - RIVO case closed',
  SENT2TAC:
    'The response could not be authenticated. Letter 3064C or Letter 6167C sent advising the respondent to visit the local Taxpayer Assistance Center (TAC) - RIVO case closed',
  ERRORCASE: 'Control placed on incorrect module - closed control',
  // IRM 25.25.6.7.1.2.1(5): the return did not verify and was manually referred for treatment.
  MAN2AQC: 'The return did not verify and was manually referred to AQC for treatment - closed control',
  MAN2WOW: 'The return did not verify and was manually referred to WOW for treatment - closed control',
  MAN2EXAM: 'The return did not verify and was manually referred to Exam for treatment - closed control',
  '1040X2AM': 'A Form 1040X was routed to Account Management - RIVO case closed',
  '1040X2SP': 'A Form 1040X was routed to SP - RIVO case closed',
  CL2AM: 'Correspondence is a misroute and was routed to Account Management - closed control',
  CL2EXAM: 'Correspondence is a misroute and was routed to Exam - closed control',
  CL2WOW: 'Correspondence is a misroute and was routed to WOW - closed control',
  CL2AQC: 'Correspondence is a misroute and was routed to AQC - closed control',
  // IRM 10.5.3.3.9(4), 10.5.3.3.10(3), 10.5.3.3.12 and 10.5.3.3.7.1(6): the 14566 receivers' answers.
  ADDED_TO_SCHEME_LIST: 'The Entity Fabrication (EF) Team added the account to its scheme list',
  REJECTED_NOT_BMF_ID_THEFT: 'The Entity Fabrication (EF) Team rejected the referral as not involving BMF identity theft',
  OPEN_CI_INVESTIGATION: 'CI has an open investigation related to the EIN',
  NO_OPEN_CI_INVESTIGATION: 'CI has no open investigation related to the EIN',
  TC020_INPUT: 'SP Entity input TC 020 and "Identity Theft" on the second name line',
  ACTIONS_COMPLETED: 'The requested actions were taken and documented',
};

/** Each code with its meaning, in the order given (the order the IRM and the pickers list them). */
export function withMeanings(codes: readonly string[]): ResolutionCode[] {
  return codes.map((code) => ({ code, meaning: MEANINGS[code] }));
}
