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
/** Where stream data starts: the keyword after a stream's dictionary, then an end of line (PDF 32000-1 §7.3.8). */
const STREAM_START = />>\s*stream\r?\n/g;
/** Enough of the end of a piece to find a keyword (`>> stream\r\n`, `endstream`) cut in two. */
const KEYWORD_CARRY = 16;
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
  private inStream = false;

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

  /**
   * Names in the PDF's structure, skipping stream data (`>> stream` … `endstream`: page content, images, compressed
   * data, where any byte sequence may occur by chance). What may continue in the next piece (a name, a keyword)
   * is carried over; a name carried and seen again is only checked twice.
   */
  private scanPdf(text: string, final: boolean): void {
    const window = this.carried + text;
    this.carried = '';
    let at = 0;
    for (;;) {
      if (this.inStream) {
        const end = window.indexOf('endstream', at);
        if (end < 0) {
          if (!final) this.carried = window.slice(Math.max(at, window.length - KEYWORD_CARRY));
          return;
        }
        this.inStream = false;
        at = end + 'endstream'.length;
        continue;
      }
      STREAM_START.lastIndex = at;
      const start = STREAM_START.exec(window);
      const incomplete = this.checkNames(window.slice(at, start ? start.index : window.length), final || start !== null);
      if (!start) {
        if (!final) {
          const from = Math.min(incomplete === null ? window.length : at + incomplete, window.length - KEYWORD_CARRY);
          this.carried = window.slice(Math.max(at, from));
        }
        return;
      }
      this.inStream = true;
      at = start.index + start[0].length;
    }
  }

  /** Refuses an active name; returns where a name that may go on in the next piece starts (or null). */
  private checkNames(structure: string, complete: boolean): number | null {
    for (const match of structure.matchAll(PDF_NAME)) {
      if (!complete && match.index + match[0].length === structure.length) return match[0].length <= MAX_CARRIED_NAME ? match.index : null;
      const name = decodeName(match[1]);
      if (ACTIVE_PDF_NAMES.has(name)) {
        throw new DocumentRefusedError(
          DocumentRefusal.PDF_ACTIVE_CONTENT,
          `is a PDF with ${name === 'Launch' ? 'a launch action' : 'embedded JavaScript'}: print it to a new PDF without scripts and upload that`,
        );
      }
    }
    return null;
  }
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
