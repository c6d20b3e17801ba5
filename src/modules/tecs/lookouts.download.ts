import { Download, EXPORTS_PATH } from '../../platform/exports/download';
import { Caller } from '../org/caller';
import { LookoutService } from './lookout.service';
import { LookoutState } from './tecs-state';

/** The lookouts a caller may see, as CSV (what `lookoutsCsv` was); a taxpayer's name or TIN only in a POST body. */
export const LOOKOUTS_DOWNLOAD: Download<{ lookouts: LookoutService }, Caller> = {
  path: `${EXPORTS_PATH}/lookouts.csv`,
  taxpayerParameters: ['tin', 'nameContains'],
  open(p) {
    const filter = p.checked({
      states: p.manyOf('states', Object.values(LookoutState)),
      international: p.boolean('international'),
      nameContains: p.text('nameContains'),
      tin: p.text('tin'),
    });
    return { itemIds: [], rows: (services, caller) => services.lookouts.exportRows(caller, filter) };
  },
};
