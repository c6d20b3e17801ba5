import { Field, InputType, createUnionType } from 'type-graphql';
import { InvalidInputError } from '../../../platform/common/errors';
import { type Checked, Problems } from '../../../platform/validation/checked';
import { Form14566Content, Form14566Input, type Stored14566, checkForm14566, toForm14566View } from './form-14566';
import { type Category4442, Form4442Content, Form4442Input, type Stored4442, checkForm4442, toForm4442View } from './form-4442';
import { Form3210Content, Form3210Input, type Stored3210, checkForm3210, toForm3210View } from './form-3210';
import { ReferralForm } from './referral-form';

export { ReferralForm } from './referral-form';

@InputType({ description: 'The content of a referral: exactly the sub-input matching its form' })
export class ReferralContentInput {
  @Field(() => Form14566Input, { nullable: true, description: 'The Form 14566 content: give it when form is F14566, and only then' })
  form14566?: Form14566Input | null;

  @Field(() => Form4442Input, { nullable: true, description: 'The Form 4442 content: give it when form is F4442, and only then' })
  form4442?: Form4442Input | null;

  @Field(() => Form3210Input, { nullable: true, description: 'The Form 3210 content: give it when form is F3210, and only then' })
  form3210?: Form3210Input | null;
}

/** Referral content as stored (JSONB), normalized; `form` tells the shape. */
export type StoredReferralContent = Stored14566 | Stored4442 | Stored3210;

export interface ContentValidationContext {
  now: Date;
  /** The catalogue entry a Form 4442's category resolved to; null when none matched (or not a 4442). */
  category4442: Category4442 | null;
}

const SUB_INPUT: Record<ReferralForm, keyof ReferralContentInput> = {
  [ReferralForm.F14566]: 'form14566',
  [ReferralForm.F4442]: 'form4442',
  [ReferralForm.F3210]: 'form3210',
};

/** Checks the sub-input of `form`, or returns null when it is absent. */
function checkSubInput(
  form: ReferralForm,
  input: ReferralContentInput,
  ctx: ContentValidationContext,
): Checked<StoredReferralContent> | null {
  switch (form) {
    case ReferralForm.F14566:
      return input.form14566 ? checkForm14566(input.form14566, SUB_INPUT[form], ctx.now) : null;
    case ReferralForm.F4442:
      return input.form4442 ? checkForm4442(input.form4442, SUB_INPUT[form], ctx.now, ctx.category4442) : null;
    case ReferralForm.F3210:
      return input.form3210 ? checkForm3210(input.form3210, SUB_INPUT[form], ctx.now) : null;
  }
}

/**
 * Validates and normalizes the content of a referral on `form`.
 * @throws InvalidInputError listing every problem, each with its dotted field path.
 */
export function validateReferralContent(
  form: ReferralForm,
  input: ReferralContentInput,
  ctx: ContentValidationContext,
): { content: StoredReferralContent } {
  const problems = new Problems();
  for (const [other, key] of Object.entries(SUB_INPUT)) {
    if (other !== form && input[key] != null) problems.add(key, `must not be given for form ${form}`);
  }
  const result = checkSubInput(form, input, ctx);
  if (result === null) problems.add(SUB_INPUT[form], `is required for form ${form}`);
  const content = result && problems.take(result);
  if (content === null || problems.errors.length > 0) throw new InvalidInputError(problems.errors);
  return { content };
}

/** The output view of a referral's content, TINs masked. */
export type ReferralContentView = Form14566Content | Form4442Content | Form3210Content;

export function toContentView(stored: StoredReferralContent): ReferralContentView {
  switch (stored.form) {
    case ReferralForm.F14566:
      return toForm14566View(stored);
    case ReferralForm.F4442:
      return toForm4442View(stored);
    case ReferralForm.F3210:
      return toForm3210View(stored);
  }
}

const CONTENT_TYPE = {
  [ReferralForm.F14566]: Form14566Content,
  [ReferralForm.F4442]: Form4442Content,
  [ReferralForm.F3210]: Form3210Content,
} as const;

export const ReferralContent = createUnionType({
  name: 'ReferralContent',
  description: "A referral's content, by form",
  types: () => [Form14566Content, Form4442Content, Form3210Content] as const,
  resolveType: (content) => CONTENT_TYPE[content.form],
});
