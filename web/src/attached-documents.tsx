import { useState } from 'react';
import { Alert } from './alert';
import { downloadDocument, downloadProblem } from './download';
import { DocumentUpload } from './document-upload';
import { formatInstant, formatSize } from './format';
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

/**
 * The documents kept with an item, each downloadable with the session's token, and the upload of one more
 * (`multipart/form-data`, part `file`) to `uploadPath`; the hub decides who may do either. Shared by props: the owner
 * page passes its documents and, when the API offers the caller an upload, where to upload.
 */
export function AttachedDocuments(props: {
  documents: readonly AttachedDocument[];
  /** Absent: no upload is offered. */
  uploadPath?: string;
  /** What the documents belong to, as a refusal names it (e.g. 'Customs request'). */
  owner: string;
  timeZone: string;
  onUploaded(): void;
}) {
  const { session } = useSession();
  const token = session?.token ?? '';
  const [problem, setProblem] = useState<string | null>(null);

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
              ({d.mediaType}, {formatSize(d.size)}), attached by {d.uploadedBy.name}, {formatInstant(d.uploadedAt, props.timeZone)}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <Alert kind="error">
          <p className="usa-alert__text">{problem}</p>
        </Alert>
      )}
      {props.uploadPath && <DocumentUpload uploadPath={props.uploadPath} owner={props.owner} onUploaded={props.onUploaded} />}
    </section>
  );
}
