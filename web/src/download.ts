/** Saves what the browser holds (a fetched file, a generated letter) under a name, as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The file name a Content-Disposition gives (RFC 6266): `filename*=UTF-8''…`, else `filename="…"` or a bare token. */
function fileNameOf(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"|filename=([^;\s]+)/i.exec(disposition)?.slice(1).find(Boolean);
}

/** Saves a hub response under the name it gives (`Content-Disposition`), or the fallback; returns the HTTP status. */
async function saveResponse(response: Response, fallback: string): Promise<number> {
  if (!response.ok) return response.status;
  saveBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition') ?? '') ?? fallback);
  return response.status;
}

/**
 * A CSV export (`/exports/…`) with the session's token: fetched (a link cannot send the Authorization header, and
 * filters naming a taxpayer go in a POST body, never a URL). Returns the HTTP status, so a refusal can be explained.
 */
export async function downloadCsv(path: string, token: string, filters: Record<string, unknown>): Promise<number> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(filters),
  });
  return saveResponse(response, 'export.csv');
}

/** A document (`GET /documents/<id>`, its `downloadPath`), saved under the name given at upload. */
export async function downloadDocument(path: string, token: string, fallbackName = 'document'): Promise<number> {
  return saveResponse(await fetch(path, { headers: { authorization: `Bearer ${token}` } }), fallbackName);
}

/** What a refused download means, in a sentence. */
export function downloadProblem(status: number): string {
  if (status === 401) return 'Your sign-in has expired. Sign in again.';
  if (status === 403) return 'You may not download this.';
  if (status === 404) return 'It does not exist, or you may not see it.';
  if (status === 429) return 'Too many downloads are running on the hub. Try again in a few seconds.';
  if (status === 400) return 'The filters are not valid.';
  return 'The download failed. Try again; if it keeps happening, tell the help desk.';
}
