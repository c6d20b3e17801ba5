import { sealedValuesColumn, taxpayerDataCipher } from '../../../platform/security/taxpayer-data-cipher';
import { tinPlacesOf, tinsOf } from './content-tins';
import { StoredReferralContent } from './form-content';

/** TypeORM transformer for referral content: TINs sealed in the JSONB, clear in the entity. */
export const sealedContentColumn = sealedValuesColumn<StoredReferralContent>(tinPlacesOf);

/** Keyed hashes (HMAC) of the content's TINs, stored beside it for exact-match search without the TINs in clear. */
export function tinHashesOf(content: StoredReferralContent): string[] {
  return tinsOf(content).map(({ tin }) => taxpayerDataCipher().hash(tin));
}
