import { LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection';
import { CustomsRequest } from './customs-request.entity';
import { IdentifierField } from '../../platform/graphql/identifier-field';
import { TinType } from '../../platform/validation/identifiers';
import { CustomsAuditCertification, CustomsItemDecision, CustomsScreen } from './customs-request-state';

// The elements of paragraph (b) are nullable in the schema so that the completeness check, not GraphQL, names each
// missing one with its paragraph (26 CFR 301.6103(l)(14)-1(b)).

@InputType({ description: 'One item of return information as the Customs request names it (26 CFR 301.6103(l)(14)-1(b))' })
export class CustomsRequestItemInput {
  @Field(() => String, { nullable: true, description: '(b)(1): the particular item of return information to be disclosed' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '(b)(3): the taxable period or date the item relates to, e.g. "2024" or "2025-03-31"',
  })
  taxPeriod?: string | null;

  @Field(() => String, { nullable: true, description: '(b)(4): the particular purpose the item is needed for' })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: '(b)(4): how the item is necessary to accomplish that purpose' })
  necessity?: string | null;
}

@InputType({ description: 'A written request from the Commissioner of Customs (CBP), as received; disclosure officers only' })
export class RecordCustomsRequestInput {
  @IdentifierField()
  @Field(() => String, { nullable: true, description: "Customs's reference of the written request; the letter is kept by this reference" })
  letterReference?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The date the IRS received the written request (calendar date, not in the future)',
  })
  receivedOn?: string | null;

  @Field(() => String, { nullable: true, description: '(b)(2): the name of the particular taxpayer the return information relates to' })
  taxpayerName?: string | null;

  @IdentifierField()
  @Field(() => String, { nullable: true, description: "(b)(2): the taxpayer's TIN (sealed at rest; never shown back in clear)" })
  tin?: string | null;

  @Field(() => TinType, { nullable: true, description: '(b)(2): the kind of TIN' })
  tinType?: TinType | null;

  @Field(() => [CustomsRequestItemInput], { nullable: true, description: '(b)(1), (b)(3), (b)(4): the items requested, at least one' })
  items?: CustomsRequestItemInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      '(b)(4): the Customs officers and employees to whom disclosure is authorized, designated by title (e.g. "Regulatory Audit Supervisory Auditor")',
  })
  recipientTitles?: string[] | null;

  @Field(() => CustomsAuditCertification, { nullable: true, description: '(b)(4): what Customs certifies about the section 509 audit' })
  auditCertification?: CustomsAuditCertification | null;
}

@InputType({ description: 'Which Customs request, at which version' })
export class CustomsRequestStepInput {
  @Field(() => UUIDResolver, { description: 'The Customs request' })
  requestId!: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller saw; a newer one is a CONFLICT (STALE_VERSION)' })
  expectedVersion?: number | null;
}

@InputType({ description: 'A step that needs a reason (internal; never told to Customs)' })
export class CustomsRequestReasonInput extends CustomsRequestStepInput {
  @Field(() => String, { description: 'Why' })
  reason!: string;
}

@InputType({ description: 'The answer to one screen of 26 CFR 301.6103(l)(14)-1, with why' })
export class AnswerCustomsScreenInput extends CustomsRequestReasonInput {
  @Field(() => CustomsScreen, { description: 'The screen answered' })
  screen!: CustomsScreen;

  @Field(() => Int, {
    nullable: true,
    description: 'The item the screen is answered for: required for (c) and (d), refused for (a) and (e)',
  })
  itemNumber?: number | null;

  @Field(() => Boolean, { description: 'true: the screen is passed; false: disclosure is barred by this paragraph' })
  passed!: boolean;
}

@InputType({ description: 'The decision on one requested item' })
export class DecideCustomsItemInput extends CustomsRequestStepInput {
  @Field(() => Int, { description: 'The item number (from 1)' })
  itemNumber!: number;

  @Field(() => CustomsItemDecision, { description: 'APPROVED (only when (a), (e) and the item’s (c), (d) passed) or DENIED' })
  decision!: CustomsItemDecision;

  @Field(() => String, { nullable: true, description: 'Required for a denial: why (internal)' })
  reason?: string | null;
}

@ObjectType({ description: 'A page of written Customs requests (the Relay cursor connection spec)' })
export class CustomsRequestConnection extends Connection(CustomsRequest, 'CustomsRequest') {}
