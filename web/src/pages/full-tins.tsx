import { useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { ApiErrorAlert } from '../alert';
import { graphql } from '../documents';
import type { UnmaskedTinsQuery } from '../gql/graphql';

const UnmaskedTinsDocument = graphql(`
  query UnmaskedTins($id: UUID!) {
    referral(id: $id) {
      id
      unmaskedTins {
        path
        tin
        tinType
      }
    }
  }
`);

/**
 * The full TINs, only on request: the API records every such read in the access audit, and the button says so.
 * They stay on screen until hidden or the page is left.
 */
export function FullTins({ referralId }: { referralId: string }) {
  const client = useClient();
  const [tins, setTins] = useState<UnmaskedTinsQuery['referral']['unmaskedTins'] | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);

  async function show() {
    const result = await client.query(UnmaskedTinsDocument, { id: referralId }, { requestPolicy: 'network-only' }).toPromise();
    setError(result.error ?? null);
    setTins(result.data?.referral.unmaskedTins ?? null);
  }

  return (
    <div className="margin-y-2">
      {tins ? (
        <>
          <table className="usa-table usa-table--borderless">
            <caption>Full TINs (this view was recorded in the access audit)</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">TIN</th>
              </tr>
            </thead>
            <tbody>
              {tins.map((t) => (
                <tr key={t.path}>
                  <th scope="row">{t.path}</th>
                  <td>
                    {t.tin} ({t.tinType})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="usa-button usa-button--outline" onClick={() => setTins(null)}>
            Hide full TINs
          </button>
        </>
      ) : (
        <>
          <button type="button" className="usa-button usa-button--outline" onClick={show} aria-describedby="full-tins-audited">
            Show full TINs
          </button>
          <p className="usa-hint" id="full-tins-audited">
            Every use is recorded in the access audit.
          </p>
        </>
      )}
      {error && <ApiErrorAlert error={error} />}
    </div>
  );
}
