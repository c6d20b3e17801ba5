import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { SelectField } from '../../field';
import { formatInstant } from '../../format';
import { graphql } from '../../documents';
import type { CustomsRequestState } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { CUSTOMS_STATES, stateName } from './customs-labels';

const CustomsRequestsDocument = graphql(`
  query CustomsRequestList($states: [CustomsRequestState!]) {
    customsRequests(states: $states, first: 200) {
      nodes {
        id
        referenceNumber
        letterReference
        receivedOn
        taxpayerName
        tinMasked
        state
        updatedAt
      }
    }
  }
`);

/** Disclosure officers: the written Customs requests (26 CFR 301.6103(l)(14)-1), newest first, by state. */
export function CustomsRequestsPage() {
  usePageTitle('Customs requests');
  const me = useMe();
  const [state, setState] = useState<CustomsRequestState | ''>('');
  const [{ data, error }] = useQuery({
    query: CustomsRequestsDocument,
    variables: { states: state ? [state] : undefined },
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.customsRequests.nodes ?? [];
  return (
    <>
      <h1>Customs requests</h1>
      <p>
        Written requests of the Commissioner of Customs for return information (IRC 6103(l)(14)), newest first.{' '}
        <Link to="/customs-requests/new">Record a written request</Link>
      </p>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <SelectField
            path="filter.state"
            label="State"
            placeholder="All states"
            value={state}
            options={CUSTOMS_STATES}
            onChange={(s) => setState(s)}
          />
        </div>
      </div>
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No Customs requests{state ? ' in this state' : ''}.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Customs requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Customs reference</th>
              <th scope="col">Taxpayer</th>
              <th scope="col">State</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/customs-requests/${r.id}`}>{r.referenceNumber}</Link>
                </th>
                <td>
                  {r.letterReference} (received {r.receivedOn})
                </td>
                <td>
                  {r.taxpayerName} ({r.tinMasked})
                </td>
                <td>{stateName(r.state)}</td>
                <td>{formatInstant(r.updatedAt, me.function.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
