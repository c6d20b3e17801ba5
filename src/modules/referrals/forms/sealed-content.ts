import { sealedValuesColumn } from '../../../platform/security/taxpayer-data-cipher';
import { tinPlacesOf } from './content-tins';
import { StoredReferralContent } from './form-content';

/** TypeORM transformer for referral content: TINs sealed in the JSONB, clear in the entity. */
export const sealedContentColumn = sealedValuesColumn<StoredReferralContent>(tinPlacesOf);
