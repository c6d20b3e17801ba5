import { AuditKind, AuditOutcome } from '../platform/audit/access-audit.entity';
import { Caller } from '../modules/org/caller';
import { CsvExport } from '../platform/common/csv';
import { Services } from './services';
import { LookoutState } from '../modules/tecs/tecs-state';
import { DownloadParameters } from '../platform/exports/download-parameters';

/** Where the downloads are served. */
export const EXPORTS_PATH = '/exports';

/** One CSV download: its URL path (also its access-policy entry and its audit operation), filters and rows. */
export interface Download {
  /** e.g. `/exports/lookouts.csv`. */
  path: string;
  /** Parameters naming a taxpayer: only accepted in a POST body, because URLs end up in logs. */
  taxpayerParameters: readonly string[];
  /** Validates the filters (BAD_USER_INPUT naming the parameter); `rows` then reads what they select. */
  open(parameters: DownloadParameters): OpenedDownload;
}

export interface OpenedDownload {
  /** The ids the filters name, for the audit row. */
  itemIds: string[];
  /** Read through a cursor; the service applies the caller's visibility. */
  rows(services: Services, caller: Caller, now: Date): Promise<CsvExport<never>>;
}

const ids = (...values: (string | null)[]): string[] => values.filter((value): value is string => value !== null);

/** The exports that used to be GraphQL strings (`accessAuditCsv`, `lookoutsCsv`, `slaReportCsv`), with the same filters. */
export const DOWNLOADS: readonly Download[] = [
  {
    path: `${EXPORTS_PATH}/access-audit.csv`,
    taxpayerParameters: [],
    open(p) {
      const filter = p.checked({
        actorId: p.id('actorId'),
        itemId: p.text('itemId'),
        operation: p.text('operation'),
        kind: p.oneOf('kind', Object.values(AuditKind)),
        outcome: p.oneOf('outcome', Object.values(AuditOutcome)),
        from: p.instant('from'),
        to: p.instant('to'),
      });
      return { itemIds: ids(filter.actorId, filter.itemId), rows: (services) => services.audit.exportRows(filter) };
    },
  },
  {
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
  },
  {
    path: `${EXPORTS_PATH}/sla-report.csv`,
    taxpayerParameters: [],
    open(p) {
      const filter = p.checked({ from: p.instant('from', true), to: p.instant('to', true), functionId: p.id('functionId') });
      return {
        itemIds: ids(filter.functionId),
        // instant(…, true) has reported a missing bound, so checked() has thrown before these are null.
        rows: (services, _caller, now) => services.slaReport.exportRows(filter.from!, filter.to!, filter.functionId, now),
      };
    },
  },
];
