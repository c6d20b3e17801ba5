import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { mutationAuditContext } from '../audit/audit-context';
import { AuditedRequest } from '../audit/access-audit.service';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { taxpayerDataCipher } from '../security/taxpayer-data-cipher';
import { replaceTinShapedNumbers } from '../security/tin-shapes';
import { ClamdScanner } from './clamd-scanner';
import { DOCUMENT_CHUNK_BYTES, DocumentEnvelope } from './document-envelope';
import { DocumentInspector } from './document-inspection';
import { DocumentOwner } from './document-owner';
import { DocumentRefusal, DocumentRefusedError } from './document-refusal';
import { DocumentStore } from './document-store';
import { StoredDocument } from './stored-document.entity';

/** Where documents are uploaded: `POST /documents/<owner kind>/<owner id>`; downloaded: `GET /documents/<id>`. */
export const DOCUMENTS_PATH = '/documents';
/** The access-policy keys (and audit operations) of the two routes. */
export const UPLOAD_DOCUMENT_OPERATION = 'POST /documents/{ownerKind}/{ownerId}';
export const DOWNLOAD_DOCUMENT_OPERATION = 'GET /documents/{documentId}';

const MAX_NAME = 200;

/**
 * A file name as shown and offered back on download: no folders, no control characters, at most 200 characters, and
 * no TIN (scans are often named after one): the name is shown to every party, where TINs are masked.
 */
export function documentName(given: string | undefined): string {
  const base = (given ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  return replaceTinShapedNumbers(base.slice(0, MAX_NAME), '[TIN removed]') || 'document';
}

export interface DocumentLimits {
  /** Largest document accepted, bytes. */
  maxBytes: number;
}

/** A document opened for download: its row and its content, checked as it is read. */
export interface OpenedDocument {
  document: StoredDocument;
  content: AsyncIterable<Buffer>;
}

/**
 * Stores documents for their owners and gives them back: checked (DocumentInspector), scanned when a ClamAV
 * daemon is configured, sealed (DocumentEnvelope) and written to the DocumentStore chunk by chunk in one
 * transaction with the document row and the owner's history entry, so a refused or failed upload leaves
 * nothing and a document is visible only once it passed everything.
 */
export class DocumentService<C extends { id: string }> {
  private readonly owners = new Map<string, DocumentOwner<C>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly limits: DocumentLimits,
    private readonly scanner: ClamdScanner | null,
  ) {}

  registerOwner(owner: DocumentOwner<C>): void {
    if (this.owners.has(owner.kind)) throw new Error(`Document owner "${owner.kind}" is registered twice`);
    this.owners.set(owner.kind, owner);
  }

  /** Before reading the upload: the owner exists, is visible to the caller and takes documents now. */
  async checkAttach(caller: C, ownerKind: string, ownerId: string): Promise<void> {
    await this.ownerOf(ownerKind, ownerId).checkAttach(caller, ownerId);
  }

  /**
   * Stores one document read from `content`; its audit row (MUTATION, naming the owner and the new document) is
   * written in the same transaction.
   */
  async upload(
    caller: C,
    request: AuditedRequest,
    target: { ownerKind: string; ownerId: string },
    file: { name: string; content: AsyncIterable<Buffer> },
  ): Promise<StoredDocument> {
    const owner = this.ownerOf(target.ownerKind, target.ownerId);
    const audit = {
      ...request,
      operation: UPLOAD_DOCUMENT_OPERATION,
      fields: ['file'],
      itemIds: new Set([target.ownerId]),
      written: false,
    };
    return mutationAuditContext.run(audit, () =>
      this.dataSource.transaction(async (manager) => {
        const id = randomUUID();
        const envelope = DocumentEnvelope.create(taxpayerDataCipher(), id);
        const inspector = new DocumentInspector(this.limits.maxBytes);
        const scan = this.scanner?.start() ?? null;
        const checked = inspector.inspect(file.content);
        const chunkCount = await this.store.write(manager, id, envelope.seal(scan ? scan.scan(checked) : checked));
        const inspected = await inspector.result();
        if (scan) {
          const verdict = await scan.verdict();
          if (!verdict.clean) throw new DocumentRefusedError(DocumentRefusal.MALWARE_FOUND, `contains malware (${verdict.signature})`);
        }
        const document = manager.create(StoredDocument, {
          id,
          ownerKind: owner.kind,
          ownerId: target.ownerId,
          name: file.name,
          ...inspected,
          sealedKey: envelope.sealedKey,
          chunkSize: DOCUMENT_CHUNK_BYTES,
          chunkCount,
          malwareScan: scan ? 'clamd' : 'none',
          uploadedById: caller.id,
          uploadedAt: this.clock.now(),
        });
        await manager.save(document);
        await owner.recordAttachment(manager, caller, document);
        return document;
      }),
    );
  }

  /** The document, if its owner lets the caller see it (else NOT_FOUND, `itemExists` set for the audit). */
  async open(caller: C, documentId: string): Promise<OpenedDocument> {
    const document = await this.dataSource.manager.findOneBy(StoredDocument, { id: documentId });
    if (!document) throw new NotFoundError('Document', documentId);
    const owner = this.owners.get(document.ownerKind);
    if (!owner) throw new Error(`Document ${documentId} belongs to an unregistered owner kind "${document.ownerKind}"`);
    try {
      await owner.checkRead(caller, document.ownerId);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('Document', documentId, true);
      throw error;
    }
    const envelope = DocumentEnvelope.open(taxpayerDataCipher(), document.id, document.sealedKey);
    return { document, content: envelope.open(this.store.read(document.id), document) };
  }

  private ownerOf(kind: string, ownerId: string): DocumentOwner<C> {
    const owner = this.owners.get(kind);
    if (!owner) throw new NotFoundError(`Document owner kind ${kind}`, ownerId);
    return owner;
  }
}
