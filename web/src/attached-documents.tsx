import { FormEvent, useRef, useState } from 'react';
import { Alert } from './alert';
import { downloadDocument, downloadProblem } from './download';
import { fieldId } from './field';
import { formatInstant } from './format';
import { useSession } from './session';

/** A document as a page lists it (the fields of `Document` it asks for). */
export interface AttachedDocument {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
  downloadPath: string;
  uploadedBy: { name: string };
}

/** The hub's refusal of an upload: its `fieldErrors` message for `file`, else its message. */
async function uploadProblem(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as {
    errors?: { message: string; extensions?: { fieldErrors?: { message: string }[] } }[];
  };
  const error = body.errors?.[0];
  return error?.extensions?.fieldErrors?.[0]?.message ?? error?.message ?? downloadProblem(response.status);
}

/**
 * The documents kept with an item, each downloadable with the session's token, and the upload of one more
 * (`multipart/form-data`, part `file`) to `uploadPath`; the hub decides who may do either. Shared by props: the owner
 * page passes its documents and, when the API offers the caller an upload, where to upload.
 */
export function AttachedDocuments(props: {
  documents: readonly AttachedDocument[];
  /** Absent: no upload is offered. */
  uploadPath?: string;
  timeZone: string;
  onUploaded(): void;
}) {
  const { session } = useSession();
  const token = session?.token ?? '';
  const [problem, setProblem] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const id = fieldId('file');

  async function upload(event: FormEvent) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!props.uploadPath) return;
    if (!chosen) {
      setUploadError('Choose a file to attach.');
      file.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', chosen);
    setSending(true);
    const response = await fetch(props.uploadPath, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    setSending(false);
    if (!response.ok) {
      setUploadError(await uploadProblem(response));
      file.current?.focus();
      return;
    }
    setUploadError(null);
    if (file.current) file.current.value = '';
    props.onUploaded();
  }

  async function download(document: AttachedDocument) {
    const status = await downloadDocument(document.downloadPath, token, document.name);
    setProblem(status === 200 ? null : downloadProblem(status));
  }

  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      {props.documents.length === 0 ? (
        <p>No documents attached.</p>
      ) : (
        <ul className="usa-list">
          {props.documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => void download(d)}>
                {d.name}
              </button>{' '}
              ({d.mediaType}, {Math.ceil(d.size / 1024)} KB), attached by {d.uploadedBy.name}, {formatInstant(d.uploadedAt, props.timeZone)}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <Alert kind="error">
          <p className="usa-alert__text">{problem}</p>
        </Alert>
      )}
      {props.uploadPath && (
        <form className="usa-form" onSubmit={upload} aria-label="Upload a document">
          <div className={`usa-form-group${uploadError ? ' usa-form-group--error' : ''}`}>
            <label className={`usa-label${uploadError ? ' usa-label--error' : ''}`} htmlFor={id}>
              Document to attach
            </label>
            <span className="usa-hint" id={`${id}-hint`}>
              PDF, TIFF, PNG or JPEG
            </span>
            {uploadError && (
              <span className="usa-error-message" id={`${id}-error`}>
                {uploadError}
              </span>
            )}
            <input
              ref={file}
              className="usa-input"
              type="file"
              id={id}
              accept="application/pdf,image/tiff,image/png,image/jpeg"
              aria-describedby={`${id}-hint${uploadError ? ` ${id}-error` : ''}`}
              aria-invalid={uploadError ? true : undefined}
            />
          </div>
          <button className="usa-button margin-top-1" type="submit" disabled={sending}>
            Attach
          </button>
        </form>
      )}
    </section>
  );
}
