import { mapTins } from './content-tins';
import { StoredReferralContent } from './form-content';
import { taxpayerDataCipher } from '../../../platform/security/taxpayer-data-cipher';

/** TypeORM transformer for referral content: TINs sealed in the JSONB, clear in the entity. */
export const sealedContentColumn = {
  to: (content: StoredReferralContent | null | undefined) => (content == null ? content : mapTins(content, (tin) => taxpayerDataCipher().seal(tin))),
  from: (content: StoredReferralContent | null) => (content == null ? content : mapTins(content, (tin) => taxpayerDataCipher().open(tin))),
};
