import { FormEvent, useRef, useState } from 'react';
import type { FieldError } from './api-errors';
import { Field, FieldErrorsContext } from './field';
import { useSession } from './session';

/** The hub's refusal of an upload (README "Documents"): the reason beside the file input. */
interface UploadRefusal {
  errors?: { message: string; extensions?: { fieldErrors?: FieldError[] } }[];
}

/** Why an upload was refused, in a sentence: the API's own words for the file, else what the status means. */
function uploadProblem(status: number, body: UploadRefusal | null, owner: string): string {
  const error = body?.errors?.[0];
  const fileError = error?.extensions?.fieldErrors?.find((e) => e.field === 'file');
  if (fileError) return `The file ${fileError.message}`;
  if (status === 409) return `Documents can no longer be attached: the ${owner} has ended.`;
  if (status === 503) return 'The virus scanner is not available, so nothing was stored. Try again later.';
  if (status === 413 || status === 429) return 'The hub is busy with other uploads. Try again in a few seconds.';
  if (status === 403 || status === 404) return `You may not attach documents to this ${owner}.`;
  return error?.message ?? 'The upload failed. Try again; if it keeps happening, tell the help desk.';
}

/**
 * Attach a document: `POST <uploadPath>` (multipart, part `file`) with the session's token; a refusal is shown beside the
 * file input. The owner page shows this only when the API offers the caller an upload.
 */
export function DocumentUpload({ uploadPath, owner, onUploaded }: { uploadPath: string; owner: string; onUploaded(name: string): void }) {
  const { session, expire } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem('Choose a file first.');
      input.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setSending(true);
    const response = await fetch(uploadPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${session?.token ?? ''}` },
      body,
    });
    setSending(false);
    if (response.status === 401) return expire();
    if (!response.ok) {
      setProblem(uploadProblem(response.status, (await response.json().catch(() => null)) as UploadRefusal | null, owner));
      input.current?.focus();
      return;
    }
    setProblem(null);
    if (input.current) input.current.value = '';
    onUploaded(file.name);
  }

  return (
    <FieldErrorsContext.Provider value={problem ? [{ field: 'file', message: problem }] : []}>
      <form className="usa-form" onSubmit={upload} aria-label="Upload a document">
        <Field path="file" label="Attach a document" hint="PDF, TIFF, PNG or JPEG; the type is read from the content">
          {(control) => <input ref={input} className="usa-file-input" type="file" name="file" {...control} />}
        </Field>
        <button className="usa-button margin-top-1" type="submit" disabled={sending}>
          Upload
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}
