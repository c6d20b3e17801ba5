/**
 * A CSV download (`/exports/…`) with the session's token: fetched (a link cannot send the Authorization header, and
 * filters naming a taxpayer go in a POST body, never a URL), then saved under the name the hub gives it.
 * Returns the HTTP status, so a refusal can be explained.
 */
export async function downloadCsv(path: string, token: string, filters: Record<string, unknown>): Promise<number> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(filters),
  });
  if (!response.ok) return response.status;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return response.status;
}

/** What a refused download means, in a sentence. */
export function downloadProblem(status: number): string {
  if (status === 401) return 'Your sign-in has expired. Sign in again.';
  if (status === 403) return 'You may not download this.';
  if (status === 429) return 'Too many downloads are running on the hub. Try again in a few seconds.';
  if (status === 400) return 'The filters are not valid.';
  return 'The download failed. Try again; if it keeps happening, tell the help desk.';
}
