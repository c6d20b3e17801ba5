/**
 * Downloads with the session's token: fetched (a link cannot send the Authorization header), then saved under the
 * name the hub gives it. Each returns the HTTP status, so a refusal can be explained.
 */

/** The file name a Content-Disposition gives (RFC 6266): `filename*=UTF-8''…`, else `filename="…"` or a bare token. */
function fileNameOf(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"|filename=([^;\s]+)/i.exec(disposition)?.slice(1).find(Boolean);
}

/** Saves a fetched answer as a file, under the name of its Content-Disposition. */
async function save(response: Response, fallbackName: string): Promise<void> {
  const name = fileNameOf(response.headers.get('content-disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A CSV export (`/exports/…`): filters naming a taxpayer go in a POST body, never a URL. */
export async function downloadCsv(path: string, token: string, filters: Record<string, unknown>): Promise<number> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(filters),
  });
  if (response.ok) await save(response, 'export.csv');
  return response.status;
}

/** A document (`GET /documents/<id>`, its `downloadPath`), saved under the name given at upload. */
export async function downloadDocument(path: string, token: string): Promise<number> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (response.ok) await save(response, 'document');
  return response.status;
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
