import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { CheckboxField } from '../../field';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const MyInvestigationsDocument = graphql(`
  query MyInvestigations($includeClosed: Boolean!) {
    myInvestigations(includeClosed: $includeClosed, first: 200) {
      nodes {
        id
        referenceNumber
        kind
        state
        dueAt
        timeCritical
        escalationLevel
        lookout {
          taxpayerName
        }
        groupManager {
          name
        }
        revenueOfficer {
          name
        }
      }
    }
  }
`);

/** OIs issued to the GM or RO (all of them for a coordinator), time-critical and soonest due first as the API orders them. */
export function InvestigationsPage() {
  usePageTitle('My other investigations');
  const me = useMe();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [{ data, error }] = useQuery({ query: MyInvestigationsDocument, variables: { includeClosed } });
  const rows = data?.myInvestigations.nodes ?? [];
  return (
    <>
      <h1>My other investigations (OIs)</h1>
      <p>Time-critical first, then soonest due. Times in {me.function.timeZone}.</p>
      <CheckboxField path="includeClosed" label="Include closed OIs" checked={includeClosed} onChange={setIncludeClosed} />
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No OIs{includeClosed ? '' : ' open'}.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Other investigations, time-critical and soonest due first</caption>
          <thead>
            <tr>
              <th scope="col">OI</th>
              <th scope="col">Taxpayer</th>
              <th scope="col">Issued to</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((oi) => (
              <tr key={oi.id}>
                <th scope="row">
                  <Link to={`/investigations/${oi.id}`}>{oi.referenceNumber}</Link>
                  {oi.timeCritical && <span className="usa-tag bg-secondary-dark margin-left-1">Time-critical</span>}
                </th>
                <td>{oi.lookout.taxpayerName}</td>
                <td>
                  {oi.groupManager?.name ?? '—'} / {oi.revenueOfficer?.name ?? '—'}
                </td>
                <td>
                  {humanize(oi.state)}
                  {oi.escalationLevel > 0 ? `, escalated (level ${oi.escalationLevel})` : ''}
                </td>
                <td>{formatInstant(oi.dueAt, me.function.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
