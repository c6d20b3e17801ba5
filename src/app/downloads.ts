import { ACCESS_AUDIT_DOWNLOAD } from '../modules/access-audit/access-audit.download';
import { Caller } from '../modules/org/caller';
import { SLA_REPORT_DOWNLOAD } from '../modules/referrals/sla-report.download';
import { LOOKOUTS_DOWNLOAD } from '../modules/tecs/lookouts.download';
import { Download } from '../platform/exports/download';
import { DISCLOSURE_ACCOUNTING_DOWNLOAD } from '../modules/disclosure/disclosure-accounting.download';
import { Services } from './services';

/** The exports that used to be GraphQL strings (`accessAuditCsv`, `lookoutsCsv`, `slaReportCsv`), each declared by its owner. */
export const DOWNLOADS: readonly Download<Services, Caller>[] = [
  ACCESS_AUDIT_DOWNLOAD,
  LOOKOUTS_DOWNLOAD,
  SLA_REPORT_DOWNLOAD,
  DISCLOSURE_ACCOUNTING_DOWNLOAD,
];
