import { InvalidInputError } from '../../platform/common/errors';
import { Download, EXPORTS_PATH } from '../../platform/exports/download';
import { DisclosureAccounting } from './disclosure-accounting';

/** The accounting of disclosures about one taxpayer as CSV; the TIN only in a POST body. */
export const DISCLOSURE_ACCOUNTING_DOWNLOAD: Download<{ disclosureAccounting: DisclosureAccounting }, unknown> = {
  path: `${EXPORTS_PATH}/disclosure-accounting.csv`,
  taxpayerParameters: ['tin'],
  open(p) {
    const { tin } = p.checked({ tin: p.text('tin') });
    if (!tin) throw InvalidInputError.single('tin', 'is required: the TIN of the taxpayer');
    return { itemIds: [], rows: (services) => services.disclosureAccounting.exportRows(tin) };
  },
};
