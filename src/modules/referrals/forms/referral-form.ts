import { registerEnumType } from 'type-graphql';

/** The referral forms the hub carries. */
export enum ReferralForm {
  F14566 = 'F14566',
  F4442 = 'F4442',
  F3210 = 'F3210',
}

/**
 * One canonical name per form; the manual's other names are aliases.
 * 14566: "BMF Identity Theft Request" (IRM 10.5.3.3.9(4)), "BMF ID Theft Action Request" (10.5.3.3.9(1)).
 */
export const REFERRAL_FORM_NAMES: Record<ReferralForm, { name: string; aliases: readonly string[] }> = {
  [ReferralForm.F14566]: {
    name: 'Form 14566, BMF Identity Theft Referral',
    aliases: ['BMF Identity Theft Request', 'BMF ID Theft Action Request'],
  },
  [ReferralForm.F4442]: { name: 'Form 4442/e-4442, Inquiry Referral', aliases: [] },
  [ReferralForm.F3210]: { name: 'Form 3210, Document Transmittal', aliases: [] },
};

function describe(form: ReferralForm): { description: string } {
  const { name, aliases } = REFERRAL_FORM_NAMES[form];
  return { description: aliases.length > 0 ? `${name} (also called ${aliases.join(', ')})` : name };
}

registerEnumType(ReferralForm, {
  name: 'ReferralForm',
  description: 'The referral form, which decides the shape of the referral content',
  valuesConfig: {
    F14566: describe(ReferralForm.F14566),
    F4442: describe(ReferralForm.F4442),
    F3210: describe(ReferralForm.F3210),
  },
});
