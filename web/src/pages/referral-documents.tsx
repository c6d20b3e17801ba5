import { FormEvent, useRef, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { Alert, ApiErrorAlert } from '../alert';
import type { FieldError } from '../api-errors';
import { downloadDocument, downloadProblem } from '../download';
import { Field, FieldErrorsContext } from '../field';
import { formatInstant } from '../format';
import { graphql } from '../gql';
import { useMe } from '../me';
import { useSession } from '../session';
import type { PageReferral } from './referral';

const ForwardDocument = graphql(`
  mutation ForwardDocument($input: ForwardDocumentInput!) {
    forwardDocumentToSubmissionProcessing(input: $input) {
      id
    }
  }
`);

type PageDocument = PageReferral['documents'][number];

/** The hub's refusal of an upload (README "Documents"): the reason beside the file input. */
interface UploadRefusal {
  errors?: { message: string; extensions?: { fieldErrors?: FieldError[] } }[];
}

/** Why an upload was refused, in a sentence: the API's own words for the file, else what the status means. */
function uploadProblem(status: number, body: UploadRefusal | null): string {
  const error = body?.errors?.[0];
  const fileError = error?.extensions?.fieldErrors?.find((e) => e.field === 'file');
  if (fileError) return `The file ${fileError.message}`;
  if (status === 409) return 'Documents can no longer be attached: the referral is closed, withdrawn or returned.';
  if (status === 503) return 'The virus scanner is not available, so nothing was stored. Try again later.';
  if (status === 413 || status === 429) return 'The hub is busy with other uploads. Try again in a few seconds.';
  if (status === 403 || status === 404) return 'You may not attach documents to this referral.';
  return error?.message ?? 'The upload failed. Try again; if it keeps happening, tell the help desk.';
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Attach a document: `POST /documents/referral/<id>` (multipart, part `file`) with the session's token. */
function UploadForm({ referralId, onUploaded }: { referralId: string; onUploaded(name: string): void }) {
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
    const response = await fetch(`/documents/referral/${referralId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session?.token ?? ''}` },
      body,
    });
    setSending(false);
    if (response.status === 401) return expire();
    if (!response.ok) {
      setProblem(uploadProblem(response.status, (await response.json().catch(() => null)) as UploadRefusal | null));
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

/** Where the document went after it was attached (Document.custody), or that it stays with the referral. */
function Custody({ document, timeZone }: { document: PageDocument; timeZone: string }) {
  if (document.custody.length === 0) return <>With the referral</>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {document.custody.map((step) => (
        <li key={`${step.action}${step.at}`}>
          To {step.to}, {formatInstant(step.at, timeZone)} by {step.by.name}
          {step.note ? ` (“${step.note}”)` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * The referral's documents: name, type, size, SHA-256, who uploaded them and when, where they went; each downloads
 * with the session's token. RIVO working a Form 3210 records its signed return forwarded to Submission Processing.
 * The upload form and the forward button show only when the API offers them (Referral.documentActions,
 * Document.custodyActions): the console decides no access itself.
 */
export function ReferralDocuments({ referral, onReload }: { referral: PageReferral; onReload(): void }) {
  const me = useMe();
  const client = useClient();
  const { session } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const zone = me.function.timeZone;

  function outcome(message: string | null, failure: { problem?: string; error?: CombinedError } = {}) {
    setDone(message);
    setProblem(failure.problem ?? null);
    setError(failure.error ?? null);
  }

  async function download(document: PageDocument) {
    const status = await downloadDocument(document.downloadPath, session?.token ?? '');
    outcome(null, status === 200 ? {} : { problem: `${document.name}: ${downloadProblem(status)}` });
  }

  async function forward(document: PageDocument) {
    const result = await client.mutation(ForwardDocument, { input: { referralId: referral.id, documentId: document.id } }).toPromise();
    if (result.error) return outcome(null, { error: result.error });
    outcome(`${document.name} recorded as forwarded to Submission Processing.`);
    onReload();
  }

  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      {done && (
        <Alert kind="success" slim>
          <p className="usa-alert__text">{done}</p>
        </Alert>
      )}
      {problem && (
        <Alert kind="error">
          <p className="usa-alert__text">{problem}</p>
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} />}
      {referral.documents.length === 0 ? (
        <p>No documents are attached.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption>Documents attached to this referral (times in {zone})</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Where it went</th>
              <th scope="col">
                <span className="usa-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {referral.documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.name}
                  <br />
                  <span className="text-base">
                    {d.mediaType}, {formatSize(d.size)}
                    {d.malwareScan === 'clamd' ? ', scanned clean' : ''}
                  </span>
                  <br />
                  <span className="text-normal">
                    SHA-256 <code className="hub-digest">{d.sha256}</code>
                  </span>
                </th>
                <td>
                  {d.uploadedBy.name}, {formatInstant(d.uploadedAt, zone)}
                </td>
                <td>
                  <Custody document={d} timeZone={zone} />
                </td>
                <td>
                  <button type="button" className="usa-button usa-button--outline" onClick={() => void download(d)}>
                    Download<span className="usa-sr-only"> {d.name}</span>
                  </button>
                  {d.custodyActions.includes('FORWARD_TO_SUBMISSION_PROCESSING') && (
                    <button type="button" className="usa-button usa-button--outline margin-top-1" onClick={() => void forward(d)}>
                      Forward to Submission Processing<span className="usa-sr-only"> ({d.name})</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {referral.documentActions.includes('ATTACH') && (
        <UploadForm
          referralId={referral.id}
          onUploaded={(name) => {
            outcome(`${name} attached.`);
            onReload();
          }}
        />
      )}
    </section>
  );
}
