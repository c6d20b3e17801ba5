import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import { DocumentRefusal, DocumentRefusedError } from './document-refusal';

/** The types a document may be, as found in its first bytes (file-type's magic numbers), never by its name. */
export const ALLOWED_MEDIA_TYPES: readonly string[] = ['application/pdf', 'image/tiff', 'image/png', 'image/jpeg'];

/** file-type reads at most this many leading bytes. */
const SNIFF_BYTES = 4100;

/** PDF names that make a document run something when opened: scripts and launch actions (the decoded name). */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch']);
/** A PDF name token: `/` and regular characters (PDF 32000-1 §7.3.5); `#xx` escapes are decoded before comparing. */
const PDF_NAME = /\/([^\s()<>[\]{}/%]*)/g;
/** Names are at most 127 bytes: a longer run without a delimiter is not one of ACTIVE_PDF_NAMES and is not carried. */
const MAX_CARRIED_NAME = 512;

export interface InspectedDocument {
  mediaType: string;
  size: number;
  sha256: string;
}

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Checks a document as it streams past, refusing as soon as it can: over `maxBytes` (at the byte that crosses
 * it), a type outside ALLOWED_MEDIA_TYPES (once the first bytes are in), a PDF naming JavaScript or a launch
 * action anywhere in its uncompressed structure, nothing at all. Also counts and hashes what passes.
 */
export class DocumentInspector {
  private readonly hash = createHash('sha256');
  private size = 0;
  private head: Buffer[] = [];
  private mediaType: string | null = null;
  private carried = '';

  constructor(private readonly maxBytes: number) {}

  /** The pieces passed on unchanged, each checked first. */
  async *inspect(pieces: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    for await (const piece of pieces) {
      this.size += piece.length;
      if (this.size > this.maxBytes) {
        throw new DocumentRefusedError(DocumentRefusal.TOO_LARGE, `is larger than the limit of ${megabytes(this.maxBytes)}`);
      }
      this.hash.update(piece);
      if (this.mediaType === null) {
        this.head.push(piece);
        if (this.size >= SNIFF_BYTES) await this.sniff();
      } else this.scan(piece);
      yield piece;
    }
  }

  /** After the last piece: the checks that need the whole, and what was found. */
  async result(): Promise<InspectedDocument> {
    if (this.size === 0) throw new DocumentRefusedError(DocumentRefusal.EMPTY, 'is empty');
    if (this.mediaType === null) await this.sniff();
    if (this.mediaType === 'application/pdf') this.scanPdf('', true);
    return { mediaType: this.mediaType!, size: this.size, sha256: this.hash.digest('hex') };
  }

  /** Finds the type in the head, then checks the head like every later piece. */
  private async sniff(): Promise<void> {
    const head = this.head;
    this.head = [];
    const found = await fromBuffer(Buffer.concat(head));
    if (!found || !ALLOWED_MEDIA_TYPES.includes(found.mime)) {
      throw new DocumentRefusedError(
        DocumentRefusal.TYPE_NOT_ALLOWED,
        `is ${found ? found.mime : 'of no recognised type'}: only PDF, TIFF, PNG and JPEG documents are accepted (checked by content, not name)`,
      );
    }
    this.mediaType = found.mime;
    head.forEach((piece) => this.scan(piece));
  }

  private scan(piece: Buffer): void {
    if (this.mediaType === 'application/pdf') this.scanPdf(piece.toString('latin1'), false);
  }

  /** Names in this text (and any carried from the last piece); a name that may continue in the next piece is carried. */
  private scanPdf(text: string, final: boolean): void {
    const window = this.carried + text;
    this.carried = '';
    for (const match of window.matchAll(PDF_NAME)) {
      const end = match.index + match[0].length;
      if (!final && end === window.length) {
        if (match[0].length <= MAX_CARRIED_NAME) this.carried = match[0];
        return;
      }
      const name = decodeName(match[1]);
      if (ACTIVE_PDF_NAMES.has(name)) {
        throw new DocumentRefusedError(
          DocumentRefusal.PDF_ACTIVE_CONTENT,
          `is a PDF with ${name === 'Launch' ? 'a launch action' : 'embedded JavaScript'}: print it to a new PDF without scripts and upload that`,
        );
      }
    }
  }
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
