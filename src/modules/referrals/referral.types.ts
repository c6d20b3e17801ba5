import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReferralSortField, WorkQueueSortField } from './referral-query.service';
import { ReferralContentInput } from './forms/form-content';
import { ReferralForm } from './forms/referral-form';
import { Referral14566Purpose } from './forms/form-14566';
import { ReferralState } from './referral-state';
import { Connection, OrderInput } from '../../platform/graphql/connection';
import { Referral } from './referral.entity';
import { IdentifierField } from '../../platform/graphql/identifier-field';

@InputType({ description: 'A new referral: which form, to which function, and the content of that form' })
export class FileReferralInput {
  @Field(() => ReferralForm, {
    description:
      'The form filed: F14566 (BMF identity theft, IRM 10.5.3.3.7), F4442 (inquiry referral, IRM 25.25.6) or F3210 (document transmittal, IRM 25.25.6.2.3)',
  })
  form!: ReferralForm;

  @Field(() => UUIDResolver, { description: 'The function asked to act (e.g. RICS EF team, CI, CAWR, SP Entity, RIVO)' })
  receivingFunctionId!: string;

  @Field(() => ReferralContentInput, { description: 'The content of that form: exactly the sub-object of the form given' })
  content!: ReferralContentInput;
}

@InputType({ description: 'One Form 14566 finding with IMF implications, for CI and the EF team at once (IRM 10.5.3.3.8(4))' })
export class FileImfImplicationsInput {
  @Field(() => ReferralContentInput, {
    description: 'The 14566 content; its purpose is replaced: EF_SCHEME_CHECK for the EF team, ciPurpose for CI',
  })
  content!: ReferralContentInput;

  @Field(() => Referral14566Purpose, { description: 'What CI is asked: CI_SCHEME_SEARCH or CI_DETERMINATION_NOTICE (IRM 10.5.3.3.10(2))' })
  ciPurpose!: Referral14566Purpose;
}

@InputType({ description: 'Common to every transition' })
export class ReferralTransitionInput {
  @Field(() => UUIDResolver, { description: 'The id (UUID) of the referral acted on' })
  referralId!: string;

  @Field(() => Int, { nullable: true, description: 'Fail with CONFLICT unless the referral is still at this version' })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text kept in the history entry of the step (no TINs: enter them only in the TIN fields)',
  })
  note?: string | null;
}

@InputType({ description: 'Sends a referral back as incomplete (IRM 10.5.3.3.7(3), 10.5.3.3.8(4)), saying what is missing' })
export class ReturnReferralInput extends ReferralTransitionInput {
  @Field(() => [String], { description: 'What is missing or must be researched further' })
  missingItems!: string[];
}

@InputType({ description: 'Sends a returned referral again, with its content corrected where needed' })
export class ResubmitReferralInput extends ReferralTransitionInput {
  @Field(() => ReferralContentInput, { nullable: true, description: 'Corrected content; omitted keeps the current content' })
  content?: ReferralContentInput | null;
}

@InputType({ description: 'Assigns a received referral to an employee of the receiving function (IRM 10.5.3.3.7.1(4))' })
export class AssignReferralInput extends ReferralTransitionInput {
  @Field(() => UUIDResolver, {
    description: 'The id (UUID) of the employee who takes the requested actions: an active employee of the receiving function',
  })
  assigneeId!: string;
}

@InputType({ description: 'Completes a referral, documenting every action taken (IRM 10.5.3.3.7.1(6))' })
export class CompleteReferralInput extends ReferralTransitionInput {
  @Field(() => [String], { description: 'Every action taken (IRM 10.5.3.3.7.1(6))' })
  actionsTaken!: string[];

  @Field(() => String, { nullable: true, description: 'e.g. ADDED_TO_SCHEME_LIST, REJECTED_NOT_BMF_ID_THEFT, RTN2PROC' })
  resolutionCode?: string | null;
}

@InputType({ description: 'Elevates a disagreement over the requested action or time frame one level (IRM 10.5.3.3.7.1(5) note)' })
export class ElevateReferralInput extends ReferralTransitionInput {
  @Field(() => String, { description: 'What the functions disagree about' })
  reason!: string;
}

@InputType({ description: 'Records how an elevated disagreement was resolved (IRM 10.5.3.3.7.1(5) note)' })
export class ResolveElevationInput extends ReferralTransitionInput {
  @Field(() => String, { description: 'What was decided, and why (kept as the history note)' })
  resolution!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the disagreement was over the time frame (IRM 10.5.3.3.7.1(5) note): the new due instant of the running completion clock (UTC, in the future); the history keeps the one before',
  })
  completionDueAt?: Date | null;
}

@InputType({ description: 'Puts the RIVO control of a 4442/3210 in monitoring status (Exhibit 25.25.6-9)' })
export class MonitorReferralInput extends ReferralTransitionInput {
  @Field(() => String, {
    description: 'What RIVO waits for, e.g. "MFT32REV: return moving from MFT 32 to MFT 30" or "RTP-0312: return sent to SP"',
  })
  reason!: string;
}

@InputType({ description: 'Closes a 4442/3210 as a misroute (Exhibit 25.25.6-9)' })
export class CloseAsMisrouteInput extends ReferralTransitionInput {
  @Field(() => String, {
    description: 'Where the correspondence was routed: CL2AM (Accounts Management), CL2EXAM (Exam), CL2WOW, CL2AQC (Exhibit 25.25.6-9)',
  })
  misrouteCode!: string;
}

@InputType({ description: 'Conditions on a referral list; every condition given must hold' })
export class ReferralFilterInput {
  @Field(() => [ReferralForm], { nullable: true, description: 'Only referrals on one of these forms' })
  forms?: ReferralForm[] | null;

  @Field(() => [ReferralState], { nullable: true, description: 'Only referrals in one of these states' })
  states?: ReferralState[] | null;

  @Field(() => UUIDResolver, { nullable: true, description: 'Originating or receiving function' })
  functionId?: string | null;

  @Field(() => UUIDResolver, { nullable: true, description: 'Referrals of the functions this employee is a liaison for' })
  liaisonId?: string | null;

  @Field(() => UUIDResolver, { nullable: true, description: 'Only referrals filed by this employee (UUID)' })
  originatorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A running clock has passed its due time' })
  overdue?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'The next running clock is due before this instant' })
  dueBefore?: Date | null;

  @IdentifierField()
  @Field(() => String, { nullable: true, description: 'Exact TIN (any punctuation), matched by its keyed hash' })
  tin?: string | null;

  @IdentifierField()
  @Field(() => String, {
    nullable: true,
    description: 'Reference numbers starting with this (case ignored), e.g. "14566-2026" or a whole one such as 14566-2026-000042',
  })
  referenceNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A person on the referral: part of the name or e-mail address of its originator or assignee (case ignored)',
  })
  person?: string | null;
}

registerEnumType(ReferralSortField, {
  name: 'ReferralSortField',
  description: 'What a referral list is ordered by (ties broken by id)',
  valuesConfig: {
    FILED_AT: { description: 'When the referral was filed (UTC instant)' },
    DUE_AT: { description: 'When its next running clock is due (UTC instant); referrals without a running clock come last' },
    REFERENCE_NUMBER: { description: 'The reference number, as text (form number, year, sequence)' },
  },
});

registerEnumType(WorkQueueSortField, {
  name: 'WorkQueueSortField',
  description: 'What the work queue and the overdue list are ordered by (ties broken by id)',
  valuesConfig: {
    DUE_AT: { description: 'When the next running clock is due (UTC instant); referrals without a running clock come last' },
  },
});

@InputType({ description: 'The order of a referral list (ties broken by id)' })
export class ReferralOrderInput extends OrderInput(ReferralSortField) {}

@InputType({ description: 'The order of the work queue or the overdue list (ties broken by id)' })
export class WorkQueueOrderInput extends OrderInput(WorkQueueSortField) {}

@ObjectType({ description: 'A page of referrals (the Relay cursor connection spec)' })
export class ReferralConnection extends Connection(Referral, 'Referral') {}
