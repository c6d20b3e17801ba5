import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { saveBlob } from '../../download';
import { formatInstant } from '../../format';
import { graphql } from '../../documents';
import type { PageCustomsRequest } from './customs-request-query';
import { useColleagueNames } from './disclosure-timeline';

const ReleaseLetterDocument = graphql(`
  query CustomsReleaseLetter($requestId: UUID!) {
    customsReleaseLetter(requestId: $requestId)
  }
`);

/** The release (IRC 6103(l)(14); (f)–(j) restrictions) and the letter to Customs generated from it, to read and download. */
export function CustomsReleaseSection({ request, timeZone }: { request: PageCustomsRequest; timeZone: string }) {
  const release = request.release!;
  const nameOf = useColleagueNames();
  const [{ data, error }] = useQuery({ query: ReleaseLetterDocument, variables: { requestId: request.id } });
  const letter = data?.customsReleaseLetter;
  return (
    <section aria-labelledby="release-heading">
      <h2 id="release-heading">Release</h2>
      <dl className="hub-facts">
        <dt>Released</dt>
        <dd>
          {formatInstant(release.releasedAt, timeZone)} by {nameOf(release.releasedById)}
        </dd>
        <dt>Items disclosed</dt>
        <dd>{release.itemNumbers.length ? release.itemNumbers.map((n) => `item ${n}`).join(', ') : 'none'}</dd>
        <dt>To, by title</dt>
        <dd>{release.recipientTitles.join('; ')}</dd>
        <dt>Authority</dt>
        <dd>{release.authority}</dd>
      </dl>
      <h3>Use restrictions stated to Customs</h3>
      <ul className="usa-list">
        {release.useRestrictions.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>Release letter</h3>
      {error && <ApiErrorAlert error={error} />}
      {letter && (
        <>
          <pre className="hub-letter">{letter}</pre>
          <button
            type="button"
            className="usa-button usa-button--outline"
            onClick={() => saveBlob(new Blob([letter], { type: 'text/plain' }), `${request.referenceNumber}-release-letter.txt`)}
          >
            Download the letter
          </button>
        </>
      )}
    </section>
  );
}
