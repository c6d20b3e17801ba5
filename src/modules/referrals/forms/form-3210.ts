import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { boundedListCost } from '../../../platform/graphql/page-cost';
import { type Checked, LIST_MAX, Problems, checkList, checked } from '../../../platform/validation/checked';
import { TinType, checkMft, checkTaxPeriod, checkTin, maskTin } from '../../../platform/validation/identifiers';
import { ReferralForm } from './referral-form';
import { TEXT_MAX, checkOptionalText, checkText } from '../../../platform/validation/text';
import { IdentifierField } from '../../../platform/graphql/identifier-field';

/** Form 3210, Document Transmittal: a revenue officer sends RIVO the taxpayer's signed return (IRM 25.25.6.2.3(2)). */

/** IRM 25.25.6.2.3(1): an RO authenticates the taxpayer face to face, or by telephone if the taxpayer is international. */
export enum RevenueOfficerAuthentication {
  FACE_TO_FACE = 'FACE_TO_FACE',
  TELEPHONE_INTERNATIONAL = 'TELEPHONE_INTERNATIONAL',
}
registerEnumType(RevenueOfficerAuthentication, {
  name: 'RevenueOfficerAuthentication',
  description: 'How the revenue officer authenticated the taxpayer (IRM 25.25.6.2.3(1))',
  valuesConfig: {
    FACE_TO_FACE: { description: 'During a face to face meeting with the revenue officer' },
    TELEPHONE_INTERNATIONAL: { description: 'By telephone: only for an international taxpayer' },
  },
});

/** The wording IRM 25.25.6.2.3(2) gives the 3210 (offered as the defaults of remarks and additional comments). */
export const IRM_3210_REMARKS =
  'TP has been authenticated during a face to face meeting with the Revenue Officer or via the telephone for International taxpayers';
export const IRM_3210_ADDITIONAL_COMMENTS =
  "A return is on MFT 32 due to the TPP process and may be the TP's valid return. TP's valid signed return attached. Please take appropriate actions to resolve the account and process TP's return";

/** IRM 25.25.6.2.3(2): the 3210 to RIVO is for a return the TPP process put on MFT 32. */
const MFT_32 = '32';

export interface StoredAttachment {
  title: string;
  documentType: string;
  pageCount: number | null;
  description: string | null;
  /** The taxpayer's valid signed return (IRM 25.25.6.2.3(2)); absent on transmittals stored before the flag. */
  signedReturn?: boolean;
}

/** Form 3210 content as stored (JSONB): normalized, full TIN. */
export interface Stored3210 {
  form: ReferralForm.F3210;
  routing: string;
  tin: string;
  tinType: TinType;
  taxPeriod: string;
  mft: string;
  remarks: string;
  additionalComments: string | null;
  attachments: StoredAttachment[];
  /** Absent on transmittals stored before the field. */
  authenticatedBy?: RevenueOfficerAuthentication;
}

@InputType({ description: 'A document transmitted with a Form 3210' })
export class Form3210AttachmentInput {
  @Field(() => String, { description: "What the document is, e.g. 'Form 1040 for 2024'" })
  title!: string;

  @Field(() => String, { description: "e.g. 'Form 1040, signed'" })
  documentType!: string;

  @Field(() => Int, { nullable: true, description: 'At least 1' })
  pageCount?: number | null;

  @Field(() => String, { nullable: true, description: 'More about the document, if needed' })
  description?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "This document is the taxpayer's valid signed return; one attachment must be (IRM 25.25.6.2.3(2))",
  })
  signedReturn?: boolean;
}

@InputType({ description: 'Form 3210, Document Transmittal (IRM 25.25.6.2.3)' })
export class Form3210Input {
  @Field(() => String, { description: 'Routing information, e.g. the RIVO address or stop' })
  routing!: string;

  @IdentifierField()
  @Field(() => String, { description: "The taxpayer's TIN (SSN, ITIN or EIN; any punctuation); shown masked and sealed at rest" })
  tin!: string;

  @Field(() => TinType, { description: 'Which kind of TIN it is' })
  tinType!: TinType;

  @IdentifierField()
  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;

  @IdentifierField()
  @Field(() => String, { description: 'Master file tax (MFT) code of the account, two digits, e.g. 01 (Form 941) or 02 (Form 1120)' })
  mft!: string;

  @Field(() => String, { defaultValue: IRM_3210_REMARKS, description: 'Remarks; defaults to the wording of IRM 25.25.6.2.3(2)' })
  remarks!: string;

  @Field(() => String, {
    nullable: true,
    defaultValue: IRM_3210_ADDITIONAL_COMMENTS,
    description: 'Additional comments; defaults to the wording of IRM 25.25.6.2.3(2)',
  })
  additionalComments?: string | null;

  @Field(() => [Form3210AttachmentInput], { description: 'At least one; the signed return among them (IRM 25.25.6.2.3(2))' })
  attachments!: Form3210AttachmentInput[];

  @Field(() => RevenueOfficerAuthentication, { description: 'How the revenue officer authenticated the taxpayer (IRM 25.25.6.2.3(1))' })
  authenticatedBy!: RevenueOfficerAuthentication;
}

@ObjectType({ description: 'A document transmitted with a Form 3210' })
export class Form3210Attachment implements StoredAttachment {
  @Field(() => String, { description: 'What the document is' })
  title!: string;

  @Field(() => String, { description: "The document's type, e.g. 'Form 1040, signed'" })
  documentType!: string;

  @Field(() => Int, { nullable: true, description: 'Number of pages, where given' })
  pageCount!: number | null;

  @Field(() => String, { nullable: true, description: 'More about the document, where given' })
  description!: string | null;

  @Field(() => Boolean, { description: "Whether this is the taxpayer's valid signed return (IRM 25.25.6.2.3(2))" })
  signedReturn!: boolean;
}

@ObjectType({ description: 'Form 3210, Document Transmittal' })
export class Form3210Content {
  @Field(() => ReferralForm, { description: 'The form of this content: always F3210' })
  form!: ReferralForm.F3210;

  @Field(() => String, { description: 'Routing information, e.g. the RIVO address or stop' })
  routing!: string;

  @Field(() => String, { description: 'Only the last four digits are shown' })
  tinMasked!: string;

  @Field(() => TinType, { description: 'Which kind of TIN it is' })
  tinType!: TinType;

  @Field(() => String, { description: 'Tax period as YYYYMM: the year and month the period ends, e.g. 202412' })
  taxPeriod!: string;

  @Field(() => String, { description: 'Master file tax (MFT) code of the account, two digits, e.g. 01 (Form 941) or 02 (Form 1120)' })
  mft!: string;

  @Field(() => String, { description: 'Remarks (IRM 25.25.6.2.3(2))' })
  remarks!: string;

  @Field(() => String, { nullable: true, description: 'Additional comments, where given' })
  additionalComments!: string | null;

  @Field(() => [Form3210Attachment], {
    complexity: boundedListCost(LIST_MAX),
    description: 'The documents transmitted; the signed return among them (IRM 25.25.6.2.3(2))',
  })
  attachments!: Form3210Attachment[];

  @Field(() => RevenueOfficerAuthentication, {
    nullable: true,
    description:
      'How the revenue officer authenticated the taxpayer (IRM 25.25.6.2.3(1)); null on transmittals filed before it was recorded',
  })
  authenticatedBy!: RevenueOfficerAuthentication | null;
}

function checkPageCount(raw: number | null | undefined, field: string): Checked<number | null> {
  if (raw == null) return checked(null);
  return checked(raw, Number.isInteger(raw) && raw >= 1 ? [] : [{ field, message: 'must be a whole number of at least 1' }]);
}

function checkAttachment(input: Form3210AttachmentInput, path: string): Checked<StoredAttachment> {
  const problems = new Problems();
  const attachment: StoredAttachment = {
    title: problems.take(checkText(input.title, `${path}.title`, TEXT_MAX.short)),
    documentType: problems.take(checkText(input.documentType, `${path}.documentType`, TEXT_MAX.short)),
    pageCount: problems.take(checkPageCount(input.pageCount, `${path}.pageCount`)),
    description: problems.take(checkOptionalText(input.description, `${path}.description`, TEXT_MAX.narrative)),
    signedReturn: input.signedReturn ?? false,
  };
  return checked(attachment, problems.errors);
}

/** Checks Form 3210 content; `path` prefixes every field path (e.g. `form3210`). */
export function checkForm3210(input: Form3210Input, path: string, now: Date): Checked<Stored3210> {
  const problems = new Problems();
  const content: Stored3210 = {
    form: ReferralForm.F3210,
    routing: problems.take(checkText(input.routing, `${path}.routing`, TEXT_MAX.short)),
    tin: problems.take(checkTin(input.tin, input.tinType, `${path}.tin`)),
    tinType: input.tinType,
    taxPeriod: problems.take(checkTaxPeriod(input.taxPeriod, `${path}.taxPeriod`, now)),
    mft: problems.take(checkMft(input.mft, `${path}.mft`)),
    remarks: problems.take(checkText(input.remarks, `${path}.remarks`, TEXT_MAX.narrative)),
    additionalComments: problems.take(checkOptionalText(input.additionalComments, `${path}.additionalComments`, TEXT_MAX.narrative)),
    // The transmittal carries the documents, e.g. the signed return (IRM 25.25.6.2.3(2)).
    attachments: problems.take(checkList(input.attachments, `${path}.attachments`, checkAttachment)),
    authenticatedBy: input.authenticatedBy,
  };
  if (content.mft && content.mft !== MFT_32) {
    problems.add(`${path}.mft`, 'a Form 3210 goes to RIVO only for a return on MFT 32 (IRM 25.25.6.2.3(2))');
  }
  if (!Object.values(RevenueOfficerAuthentication).includes(input.authenticatedBy)) {
    problems.add(
      `${path}.authenticatedBy`,
      'the revenue officer authenticates face to face, or by telephone if international (IRM 25.25.6.2.3(1))',
    );
  }
  if (input.attachments.length && !input.attachments.some((a) => a.signedReturn)) {
    problems.add(`${path}.attachments`, "the taxpayer's valid signed return must be among the attachments (IRM 25.25.6.2.3(2))");
  }
  return checked(content, problems.errors);
}

/** The output view: TIN masked. */
export function toForm3210View(stored: Stored3210): Form3210Content {
  const { tin, ...rest } = stored;
  return {
    ...rest,
    attachments: stored.attachments.map((a) => ({ ...a, signedReturn: a.signedReturn ?? false })),
    authenticatedBy: stored.authenticatedBy ?? null,
    tinMasked: maskTin(tin, stored.tinType),
  };
}
