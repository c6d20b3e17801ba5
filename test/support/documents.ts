import { Readable } from 'node:stream';
import { TestHub } from './hub';

/** A small, well-formed PDF whose page text is `text`, padded with a comment to `minBytes`. */
export function testPdf(text: string, extraObjects = '', minBytes = 0): Buffer {
  const body =
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n` +
    `3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< >>\nstream\nBT (${text}) Tj ET\nendstream\nendobj\n${extraObjects}`;
  const padding = Math.max(0, minBytes - body.length - 8);
  return Buffer.from(`${body}%${'x'.repeat(padding)}\n%%EOF\n`, 'latin1');
}

export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64, 2)]);
export const TIFF = Buffer.concat([Buffer.from('49492a0008000000', 'hex'), Buffer.alloc(64, 0)]);

/** A multipart/form-data body with one file part, streamed from `content` (never assembled in memory). */
export function multipartBody(content: Buffer | AsyncIterable<Buffer>, fileName: string, field = 'file') {
  const boundary = `----hub-test-${Math.random().toString(16).slice(2)}`;
  async function* parts(): AsyncIterable<Buffer> {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    if (Buffer.isBuffer(content)) yield content;
    else yield* content;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Readable.from(parts()) };
}

/** POST /documents/<ownerKind, referral unless given>/<id> as the employee. */
export async function uploadDocument(
  hub: TestHub,
  as: string,
  ownerId: string,
  content: Buffer | AsyncIterable<Buffer>,
  fileName = 'document.pdf',
  options: { field?: string; headers?: Record<string, string>; ownerKind?: string } = {},
): Promise<{ status: number; body: Record<string, any> }> {
  const { contentType, body } = multipartBody(content, fileName, options.field);
  const response = await fetch(new URL(`/documents/${options.ownerKind ?? 'referral'}/${ownerId}`, hub.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${await hub.tokenFor(as)}`, 'content-type': contentType, ...options.headers },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** GET /documents/<id> as the employee. */
export async function downloadDocument(
  hub: TestHub,
  as: string,
  documentId: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(`/documents/${documentId}`, hub.url), {
    headers: { authorization: `Bearer ${await hub.tokenFor(as)}`, ...headers },
  });
}
