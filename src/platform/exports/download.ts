import { CsvExport } from '../common/csv';
import { DownloadParameters } from './download-parameters';

/** Where the downloads are served. */
export const EXPORTS_PATH = '/exports';

/**
 * One CSV download, declared by the module that owns its rows: its URL path (also its access-policy entry and
 * its audit operation), filters and rows. `S` is the services it reads, `C` the authenticated caller.
 */
export interface Download<S, C> {
  /** e.g. `/exports/lookouts.csv`. */
  path: string;
  /** Parameters naming a taxpayer: only accepted in a POST body, because URLs end up in logs. */
  taxpayerParameters: readonly string[];
  /** Validates the filters (BAD_USER_INPUT naming the parameter); `rows` then reads what they select. */
  open(parameters: DownloadParameters): OpenedDownload<S, C>;
}

export interface OpenedDownload<S, C> {
  /** The ids the filters name, for the audit row. */
  itemIds: string[];
  /** Read through a cursor; the service applies the caller's visibility. */
  rows(services: S, caller: C, now: Date): Promise<CsvExport<never>>;
}

/** Who is downloading, and what the access policy says about one download for them (supplied by auth). */
export interface DownloadAccess<C extends { id: string }> {
  authenticate(authorization: string | undefined, now: Date): Promise<C>;
  policyFor(path: string, caller: C): { allowed: boolean; auditReads: boolean };
}

/** The ids a download's filters name (those given). */
export const namedIds = (...values: (string | null)[]): string[] => values.filter((value): value is string => value !== null);
