import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { TaxpayerDataCipher } from '../security/taxpayer-data-cipher';

/** Plain bytes per stored chunk: what upload and download hold in memory at most (twice, with one read ahead). */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;
const TAG_BYTES = 16;

/** The stored document does not match what was uploaded (a changed, missing or reordered byte or chunk). */
export class DocumentIntegrityError extends Error {
  constructor(documentId: string, what: string) {
    super(`Document ${documentId} failed its integrity check: ${what}`);
  }
}

/**
 * Envelope encryption of a document: a fresh AES-256 key per document, sealed by the current data key (the
 * TINs' key, so rotation and retired keys work the same), and AES-256-GCM per chunk. The nonce is the chunk
 * number (unique under a key used for one document only); the additional data binds each chunk to its
 * document, its place and whether it is the last, so a changed, swapped, dropped or appended chunk fails.
 */
export class DocumentEnvelope {
  private constructor(
    private readonly documentId: string,
    private readonly key: Buffer,
    /** The document key as stored: sealed by the data key. */
    readonly sealedKey: string,
  ) {}

  static create(cipher: TaxpayerDataCipher, documentId: string): DocumentEnvelope {
    const key = randomBytes(32);
    return new DocumentEnvelope(documentId, key, cipher.seal(key.toString('base64')));
  }

  static open(cipher: TaxpayerDataCipher, documentId: string, sealedKey: string): DocumentEnvelope {
    return new DocumentEnvelope(documentId, Buffer.from(cipher.open(sealedKey), 'base64'), sealedKey);
  }

  /** The plain pieces re-cut into chunks of DOCUMENT_CHUNK_BYTES and sealed (the last one known by reading one ahead). */
  async *seal(pieces: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    let seq = 0;
    let pending: Buffer | null = null;
    for await (const chunk of rechunk(pieces, DOCUMENT_CHUNK_BYTES)) {
      if (pending) yield this.sealChunk(pending, seq++, false);
      pending = chunk;
    }
    if (pending) yield this.sealChunk(pending, seq, true);
  }

  /**
   * The sealed chunks opened in order; a chunk is given out only once it is authenticated, and the last only once
   * the size and SHA-256 of the whole match the document's: a single-chunk document is fully checked before its
   * first byte leaves.
   */
  async *open(sealed: AsyncIterable<Buffer>, expected: { size: number; sha256: string }): AsyncIterable<Buffer> {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer | null = null;
    for await (const chunk of sealed) {
      if (pending) {
        const plain = this.openChunk(pending, seq++, false);
        hash.update(plain);
        size += plain.length;
        yield plain;
      }
      pending = chunk;
    }
    if (!pending) throw new DocumentIntegrityError(this.documentId, 'no stored chunks');
    const last = this.openChunk(pending, seq, true);
    hash.update(last);
    size += last.length;
    if (size !== expected.size) throw new DocumentIntegrityError(this.documentId, `${size} bytes stored, ${expected.size} uploaded`);
    if (hash.digest('hex') !== expected.sha256) throw new DocumentIntegrityError(this.documentId, 'SHA-256 differs');
    yield last;
  }

  private additionalData(seq: number, last: boolean): Buffer {
    return Buffer.from(`${this.documentId}:${seq}:${last ? 'last' : 'more'}`);
  }

  private nonce(seq: number): Buffer {
    const nonce = Buffer.alloc(12);
    nonce.writeUInt32BE(seq, 8);
    return nonce;
  }

  private sealChunk(plain: Buffer, seq: number, last: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nonce(seq));
    cipher.setAAD(this.additionalData(seq, last));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  private openChunk(sealed: Buffer, seq: number, last: boolean): Buffer {
    if (sealed.length < TAG_BYTES) throw new DocumentIntegrityError(this.documentId, `chunk ${seq} is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.nonce(seq));
    decipher.setAAD(this.additionalData(seq, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DocumentIntegrityError(this.documentId, `chunk ${seq} was changed, moved or cut`);
    }
  }
}

/** The pieces as chunks of exactly `size` bytes (the last shorter), copying only what straddles a boundary. */
export async function* rechunk(pieces: AsyncIterable<Buffer>, size: number): AsyncIterable<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of pieces) {
    let rest = piece;
    while (held + rest.length >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
      rest = rest.subarray(take);
      parts = [];
      held = 0;
    }
    if (rest.length) {
      parts.push(rest);
      held += rest.length;
    }
  }
  if (held) yield Buffer.concat(parts, held);
}
