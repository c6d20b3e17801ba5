import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { formatInstant } from '../../format';
import { graphql } from '../../documents';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { PAST_TRAVEL_STATES } from './tecs-disclosure-labels';

const PastTravelRequestsDocument = graphql(`
  query PastTravelRequestList {
    pastTravelRequests(first: 200) {
      nodes {
        id
        referenceNumber
        taxpayerName
        tinMasked
        travelFrom
        travelTo
        state
        updatedAt
      }
    }
  }
`);

/** Past-travel requests the caller is on (their own, their ROs', all for a coordinator), newest first (seed 000). */
export function PastTravelRequestsPage() {
  usePageTitle('Past-travel requests');
  const me = useMe();
  const [{ data, error }] = useQuery({ query: PastTravelRequestsDocument, requestPolicy: 'cache-and-network' });
  const rows = data?.pastTravelRequests.nodes ?? [];
  return (
    <>
      <h1>Past-travel requests</h1>
      <p>
        Requests to DHS for the information TECS holds on a taxpayer’s past travel, newest first.
        {me.roles.includes('REVENUE_OFFICER') && (
          <>
            {' '}
            <Link to="/past-travel/new">Request past travel</Link>
          </>
        )}
      </p>
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No past-travel requests.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Past-travel requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Taxpayer</th>
              <th scope="col">Period</th>
              <th scope="col">State</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/past-travel/${r.id}`}>{r.referenceNumber}</Link>
                </th>
                <td>
                  {r.taxpayerName} ({r.tinMasked})
                </td>
                <td>
                  {r.travelFrom} to {r.travelTo}
                </td>
                <td>{PAST_TRAVEL_STATES[r.state]}</td>
                <td>{formatInstant(r.updatedAt, me.function.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
