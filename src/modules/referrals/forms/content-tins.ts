import { TinType } from '../../../platform/validation/identifiers';
import { StoredReferralContent } from './form-content';
import { ReferralForm } from './referral-form';

export interface ContentTin {
  /** Where in the content, e.g. business.ein */
  path: string;
  tin: string;
  tinType: TinType;
}

/** Every TIN a referral's content carries. */
export function tinsOf(content: StoredReferralContent): ContentTin[] {
  switch (content.form) {
    case ReferralForm.F14566:
      return [
        { path: 'business.ein', tin: content.business.ein, tinType: TinType.EIN },
        { path: 'taxpayer.ssn', tin: content.taxpayer.ssn, tinType: TinType.SSN },
      ];
    case ReferralForm.F4442:
    case ReferralForm.F3210:
      return [{ path: 'tin', tin: content.tin, tinType: content.tinType }];
  }
}

/** A copy of the content with every TIN passed through `transform` (sealing on write, opening on read). */
export function mapTins(content: StoredReferralContent, transform: (tin: string) => string): StoredReferralContent {
  switch (content.form) {
    case ReferralForm.F14566:
      return {
        ...content,
        business: { ...content.business, ein: transform(content.business.ein) },
        taxpayer: { ...content.taxpayer, ssn: transform(content.taxpayer.ssn) },
      };
    case ReferralForm.F4442:
    case ReferralForm.F3210:
      return { ...content, tin: transform(content.tin) };
  }
}
