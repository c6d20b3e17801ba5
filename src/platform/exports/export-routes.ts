import express, { NextFunction, Request, Response, Router } from 'express';
import { AuditKind, AuditOutcome } from '../audit/access-audit.entity';
import { Clock } from '../common/clock';
import { writeCsv } from '../common/csv';
import { ForbiddenError, InvalidInputError, TooManyRequestsError } from '../common/errors';
import { AppConfig } from '../config/config';
import { httpErrorOf } from '../graphql/error-mapper';
import { AccessAuditService } from '../audit/access-audit.service';
import { Download, DownloadAccess, EXPORTS_PATH } from './download';
import { DownloadParameters } from './download-parameters';

export interface ExportRoutesOptions<S, C extends { id: string }> {
  downloads: readonly Download<S, C>[];
  /** What the downloads read from. */
  services: S;
  access: DownloadAccess<C>;
  audit: AccessAuditService;
  clock: Clock;
  /** For errors no rule explains (logged without the values they may quote). */
  logUnexpectedError: (error: unknown) => void;
  limits: AppConfig['exports'];
}

/** How long a client refused for too many downloads at once should wait. */
const RETRY_AFTER_SECONDS = 5;

/** The download's file name, dated (UTC) so saved exports do not overwrite one another. */
function fileName(download: Download<unknown, never>, now: Date): string {
  const base = download.path.slice(download.path.lastIndexOf('/') + 1).replace(/\.csv$/, '');
  return `${base}-${now.toISOString().slice(0, 10)}.csv`;
}

/** The filters: the query string of a GET, the JSON body of a POST; a taxpayer's name or TIN never from a URL. */
function parametersOf(req: Request, download: Download<unknown, never>): DownloadParameters {
  const values: Record<string, unknown> = (req.method === 'POST' ? req.body : req.query) ?? {};
  const inUrl = req.method === 'POST' ? [] : download.taxpayerParameters.filter((name) => name in values);
  if (inUrl.length) {
    throw new InvalidInputError(
      inUrl.map((field) => ({ field, message: 'names a taxpayer: send it in a POST body, not in the URL (URLs are logged)' })),
    );
  }
  return new DownloadParameters(values);
}

function csvHeaders(download: Download<unknown, never>, now: Date): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName(download, now)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/**
 * The CSV downloads, mounted at EXPORTS_PATH: the same bearer token as GraphQL, the same access policy
 * (entries keyed by the download's path), the same filters as the GraphQL exports they replace, an
 * access-audit row per download where the policy audits reads (written before any data leaves), then rows
 * streamed from a PostgreSQL cursor through csv-stringify, so memory and event-loop use stay flat whatever
 * the size of the export. Each download holds a pooled connection while it streams, so at most
 * `maxConcurrent` stream at once (more: 429) and a reader that takes nothing for `idleTimeoutSeconds` is
 * cut off: downloads can never starve GraphQL.
 */
export function exportRoutes<S, C extends { id: string }>(options: ExportRoutesOptions<S, C>): Router {
  const { downloads, services, access, audit, clock, logUnexpectedError: logError, limits } = options;
  let streaming = 0;
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }), (error: Error & { status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (!error.status || error.status >= 500) return next(error);
    const { status, body } = httpErrorOf(InvalidInputError.single('body', 'must be a JSON object of at most 16 KB'), logError);
    res.status(status).json(body);
  });

  for (const download of downloads) {
    const serve = async (req: Request, res: Response): Promise<void> => {
      const now = clock.now();
      let holding = false;
      try {
        const caller = await access.authenticate(req.headers.authorization, now);
        const request = {
          actorId: caller.id,
          requestId: String(res.locals.requestId),
          clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        };
        const policy = access.policyFor(download.path, caller);
        if (!policy.allowed) {
          // Refusals are audited like GraphQL's (refusal-audit.middleware): an auditor sees who went looking.
          await audit.record(request, AuditKind.READ, download.path, [], [], AuditOutcome.FORBIDDEN);
          throw new ForbiddenError(`You may not download ${download.path}`);
        }
        const opened = download.open(parametersOf(req, download));
        if (streaming >= limits.maxConcurrent)
          throw new TooManyRequestsError(`At most ${limits.maxConcurrent} downloads run at once: try again shortly`);
        streaming++;
        holding = true;
        const { columns, rows } = await opened.rows(services, caller, now);
        if (policy.auditReads) {
          const fields = columns.map((column) => column.header);
          await audit.record(request, AuditKind.READ, download.path, opened.itemIds, fields).catch((error: unknown) => {
            rows.destroy();
            throw error;
          });
        }
        res.status(200).set(csvHeaders(download, now));
        res.setTimeout(limits.idleTimeoutSeconds * 1000, () =>
          res.destroy(new Error(`the reader took nothing for ${limits.idleTimeoutSeconds} s`)),
        );
        await writeCsv(rows, columns, res);
      } catch (error) {
        // Once rows have gone out the status is sent: the connection is cut, so the file is visibly incomplete.
        if (res.headersSent) {
          if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') logError(error);
          return;
        }
        const { status, body } = httpErrorOf(error, logError);
        res.removeHeader('content-disposition');
        if (status === 429) res.set('retry-after', String(RETRY_AFTER_SECONDS));
        res.status(status).json(body);
      } finally {
        if (holding) streaming--;
      }
    };
    router.get(download.path.slice(EXPORTS_PATH.length), serve);
    router.post(download.path.slice(EXPORTS_PATH.length), serve);
  }
  return router;
}
