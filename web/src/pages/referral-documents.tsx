import { useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { Alert, ApiErrorAlert } from '../alert';
import { downloadDocument, downloadProblem } from '../download';
import { DocumentUpload } from '../document-upload';
import { formatInstant, formatSize } from '../format';
import { graphql } from '../documents';
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
        <DocumentUpload
          uploadPath={`/documents/referral/${referral.id}`}
          owner="referral"
          onUploaded={(name) => {
            outcome(`${name} attached.`);
            onReload();
          }}
        />
      )}
    </section>
  );
}
