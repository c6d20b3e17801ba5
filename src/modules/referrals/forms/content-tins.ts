import { mapPlaces } from '../../../platform/security/taxpayer-data-cipher';
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

/** Where a referral's content keeps its TINs: each as the object holding it and its key. */
export function tinPlacesOf(content: StoredReferralContent): [holder: object, key: string][] {
  switch (content.form) {
    case ReferralForm.F14566:
      return [
        [content.business, 'ein'],
        [content.taxpayer, 'ssn'],
      ];
    case ReferralForm.F4442:
    case ReferralForm.F3210:
      return [[content, 'tin']];
  }
}

/** A copy of the content with every TIN passed through `transform` (the ProtectTaxpayerData migration seals and opens with it). */
export function mapTins(content: StoredReferralContent, transform: (tin: string) => string): StoredReferralContent {
  return mapPlaces(content, tinPlacesOf, transform);
}
