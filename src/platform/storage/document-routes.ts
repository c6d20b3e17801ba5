import busboy from 'busboy';
import express, { Request, Response, Router } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditKind } from '../audit/access-audit.entity';
import { AccessAuditService, AuditedRequest } from '../audit/access-audit.service';
import { refusalOf } from '../audit/refusal-audit.middleware';
import { Clock } from '../common/clock';
import { ForbiddenError, InvalidInputError, TooManyRequestsError } from '../common/errors';
import { isUuid } from '../common/uuid';
import { DownloadAccess } from '../exports/download';
import { httpErrorOf } from '../graphql/error-mapper';
import { DocumentIntegrityError } from './document-envelope';
import { DocumentRefusal, DocumentRefusedError, ScannerUnavailableError } from './document-refusal';
import { documentName, DocumentService, DOWNLOAD_DOCUMENT_OPERATION, UPLOAD_DOCUMENT_OPERATION } from './document.service';
import { StoredDocument } from './stored-document.entity';

export interface DocumentRoutesOptions<C extends { id: string }> {
  documents: DocumentService<C>;
  access: DownloadAccess<C>;
  audit: AccessAuditService;
  clock: Clock;
  logUnexpectedError: (error: unknown) => void;
  /** How long a download may wait on a reader that takes nothing (the exports' setting). */
  idleTimeoutSeconds: number;
  /** Largest document accepted, bytes (DOCUMENT_MAX_BYTES). */
  maxBytes: number;
  /** Uploads streaming at once (DOCUMENT_MAX_CONCURRENT_UPLOADS). */
  maxConcurrentUploads: number;
}

/** How long a client refused for too many uploads at once should wait. */
const RETRY_AFTER_SECONDS = 5;

/** A download is never shown in the browser: no script, plugin, frame or style of it runs (CSP sandbox). */
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** What an upload answers: the document as GraphQL shows it, without the uploader object. */
function uploaded(document: StoredDocument) {
  const { id, name, mediaType, size, sha256, malwareScan, uploadedAt } = document;
  return { id, name, mediaType, size, sha256, malwareScan, uploadedAt };
}

function requestOf(req: Request, res: Response, actorId: string): AuditedRequest {
  return { actorId, requestId: String(res.locals.requestId), clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
}

/**
 * The one file part of a multipart/form-data body, as a stream (busboy): at most one file, named `file`, and no
 * more bytes than the limit (plus one, so crossing it is seen).
 */
function filePartOf(req: Request, maxBytes: number): Promise<{ name: string; content: Readable }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fileSize: maxBytes + 1 } });
    } catch {
      reject(InvalidInputError.single('body', 'must be multipart/form-data with the document in a part named "file"'));
      return;
    }
    parser.on('file', (field, content, info) => {
      if (field !== 'file') {
        content.resume();
        return;
      }
      resolve({ name: documentName(info.filename), content });
    });
    parser.on('error', () => reject(InvalidInputError.single('body', 'is not a well-formed multipart/form-data body')));
    parser.on('close', () =>
      reject(new DocumentRefusedError(DocumentRefusal.NO_FILE, 'is missing: send the document in a part named "file"')),
    );
    req.pipe(parser);
  });
}

/** The error as the exports answer it; an upload refusal also says why in `extensions.reason`. */
function answer(res: Response, error: unknown, log: (error: unknown) => void): void {
  if (error instanceof ScannerUnavailableError) {
    log(error);
    res.status(503).json({ errors: [{ message: error.message, extensions: { code: 'SCANNER_UNAVAILABLE' } }] });
    return;
  }
  if (error instanceof DocumentIntegrityError) {
    log(error);
    res.status(500).json({
      errors: [
        {
          message: 'The stored document does not match what was uploaded; nothing of it was sent',
          extensions: { code: 'DOCUMENT_INTEGRITY' },
        },
      ],
    });
    return;
  }
  const { status, body } = httpErrorOf(error, log);
  if (error instanceof DocumentRefusedError) Object.assign(body.errors[0].extensions!, { reason: error.reason });
  res.status(status).json(body);
}

/**
 * Upload and download of documents: the bearer token and the access policy of the CSV downloads (keyed by
 * UPLOAD_DOCUMENT_OPERATION and DOWNLOAD_DOCUMENT_OPERATION), the owner's rules for who may attach and see,
 * an access-audit row for every upload and download and for every refusal of an item that exists. Both stream:
 * an upload goes part by part from the socket to PostgreSQL, a download chunk by chunk back out.
 */
export function documentRoutes<C extends { id: string }>(options: DocumentRoutesOptions<C>): Router {
  const { documents, access, audit, clock, logUnexpectedError: log, maxBytes, maxConcurrentUploads } = options;
  let uploading = 0;
  const router = express.Router();

  /**
   * Authenticated, allowed by the policy, the item id in the path (`idParameter`) a UUID, and refusals of existing
   * items audited; the handler does the rest.
   */
  const guarded =
    (
      operation: string,
      kind: AuditKind,
      idParameter: string,
      handle: (req: Request, res: Response, caller: C, itemId: string) => Promise<void>,
    ) =>
    async (req: Request, res: Response): Promise<void> => {
      let request: AuditedRequest | null = null;
      try {
        const caller = await access.authenticate(req.headers.authorization, clock.now());
        request = requestOf(req, res, caller.id);
        if (!access.policyFor(operation, caller).allowed) throw new ForbiddenError(`You may not call ${operation}`);
        const itemId = String(req.params[idParameter]);
        if (!isUuid(itemId)) throw InvalidInputError.single(idParameter, 'is not an id');
        await handle(req, res, caller, itemId);
      } catch (error) {
        const outcome = refusalOf(error);
        if (request && outcome) await audit.record(request, kind, operation, [String(req.params[idParameter])], [], outcome).catch(log);
        if (res.headersSent) {
          // The status is sent: the connection is cut, so the download is visibly incomplete.
          log(error);
          res.destroy();
          return;
        }
        // Whatever of the body is still coming is read and dropped, so the client sees the answer.
        req.unpipe();
        req.resume();
        answer(res, error, log);
      }
    };

  router.post(
    '/:ownerKind/:ownerId',
    guarded(UPLOAD_DOCUMENT_OPERATION, AuditKind.MUTATION, 'ownerId', async (req, res, caller, ownerId) => {
      const target = { ownerKind: String(req.params.ownerKind), ownerId };
      await documents.checkAttach(caller, target.ownerKind, target.ownerId);
      // Each upload holds a pooled connection and its transaction while the client sends: a bounded number at once.
      if (uploading >= maxConcurrentUploads) {
        res.set('retry-after', String(RETRY_AFTER_SECONDS));
        throw new TooManyRequestsError(`At most ${maxConcurrentUploads} uploads are stored at once: try again shortly`);
      }
      uploading++;
      try {
        const file = await filePartOf(req, maxBytes);
        const document = await documents.upload(caller, requestOf(req, res, caller.id), target, file);
        res.status(201).json(uploaded(document));
      } finally {
        uploading--;
      }
    }),
  );

  router.get(
    '/:documentId',
    guarded(DOWNLOAD_DOCUMENT_OPERATION, AuditKind.READ, 'documentId', async (req, res, caller, documentId) => {
      const { document, content } = await documents.open(caller, documentId);
      // Written before any byte leaves: a download that fails midway is still on record.
      await audit.record(
        requestOf(req, res, caller.id),
        AuditKind.READ,
        DOWNLOAD_DOCUMENT_OPERATION,
        [document.id, document.ownerId],
        ['content'],
      );
      const chunks = content[Symbol.asyncIterator]();
      // The first chunk is read (and checked) before the status: a small document is wholly checked before it is sent.
      const first = await chunks.next();
      res.status(200);
      res.attachment(document.name);
      res.set({
        'content-type': document.mediaType,
        'content-length': String(document.size),
        'x-content-type-options': 'nosniff',
        'content-security-policy': DOWNLOAD_CSP,
        'cache-control': 'no-store',
        // RFC 9530: the receiver can check the bytes are the ones uploaded.
        'repr-digest': `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`,
      });
      res.setTimeout(options.idleTimeoutSeconds * 1000, () =>
        res.destroy(new Error(`the reader took nothing for ${options.idleTimeoutSeconds} s`)),
      );
      await pipeline(async function* () {
        if (!first.done) yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      }, res);
    }),
  );
  return router;
}
