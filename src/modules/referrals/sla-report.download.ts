import { Download, EXPORTS_PATH, namedIds } from '../../platform/exports/download';
import { SlaReportService } from './sla-report.service';

/** The SLA report as CSV (what `slaReportCsv` was), without the GraphQL page limit. */
export const SLA_REPORT_DOWNLOAD: Download<{ slaReport: SlaReportService }, unknown> = {
  path: `${EXPORTS_PATH}/sla-report.csv`,
  taxpayerParameters: [],
  open(p) {
    const filter = p.checked({ from: p.instant('from', true), to: p.instant('to', true), functionId: p.id('functionId') });
    return {
      itemIds: namedIds(filter.functionId),
      // instant(…, true) has reported a missing bound, so checked() has thrown before these are null.
      rows: (services, _caller, now) => services.slaReport.exportRows(filter.from!, filter.to!, filter.functionId, now),
    };
  },
};
