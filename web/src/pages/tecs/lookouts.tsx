import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { CsvDownload } from '../../csv-download';
import { SelectField, TextField } from '../../field';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { LookoutState } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const LookoutsDocument = graphql(`
  query LookoutList($filter: LookoutListFilter) {
    lookouts(filter: $filter, first: 200) {
      nodes {
        id
        referenceNumber
        taxpayerName
        tinMasked
        state
        international
        updatedAt
        revenueOfficer {
          name
        }
      }
    }
  }
`);

const STATES: LookoutState[] = [
  'REQUESTED',
  'RETURNED_TO_RO',
  'WITH_COORDINATOR',
  'NOT_ACCEPTED',
  'WITH_CI',
  'ACTIVE',
  'REMOVAL_REQUESTED',
  'REMOVAL_WITH_CI',
  'REMOVED',
];

const SCOPES: ['domestic' | 'international', string][] = [
  ['domestic', 'Domestic'],
  ['international', 'International'],
];

/** The TECS lookout list: the lookouts the caller is on the case of (the API filters), with the CSV download. */
export function LookoutsPage() {
  usePageTitle('TECS lookouts');
  const me = useMe();
  const [state, setState] = useState<LookoutState | ''>('');
  const [scope, setScope] = useState<'' | 'international' | 'domestic'>('');
  const [name, setName] = useState('');
  const filter = {
    states: state ? [state] : undefined,
    international: scope ? scope === 'international' : undefined,
    nameContains: name.trim() || undefined,
  };
  const [{ data, error }] = useQuery({ query: LookoutsDocument, variables: { filter } });
  const rows = data?.lookouts.nodes ?? [];

  return (
    <>
      <h1>TECS lookouts</h1>
      <p>
        The lookouts you are on the case of, newest first. <Link to="/lookouts/new">Request a lookout (Form 6668)</Link>
      </p>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <SelectField
            path="filter.state"
            label="State"
            placeholder="All states"
            value={state}
            options={STATES.map((s): [LookoutState, string] => [s, humanize(s)])}
            onChange={(s) => setState(s)}
          />
        </div>
        <div className="grid-col-auto">
          <SelectField
            path="filter.international"
            label="Taxpayer"
            placeholder="Domestic and international"
            value={scope}
            options={SCOPES}
            onChange={(s) => setScope(s)}
          />
        </div>
        <div className="grid-col-auto">
          <TextField path="filter.nameContains" label="Name contains" value={name} onChange={setName} />
        </div>
      </div>
      <CsvDownload path="/exports/lookouts.csv" filters={filter} label="Download these lookouts (CSV)" />
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No lookouts{state || scope || name ? ' with these filters' : ''}.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Lookouts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Lookout</th>
              <th scope="col">Taxpayer</th>
              <th scope="col">State</th>
              <th scope="col">Revenue officer</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  <Link to={`/lookouts/${l.id}`}>{l.referenceNumber}</Link>
                </th>
                <td>
                  {l.taxpayerName} ({l.tinMasked}, {l.international ? 'international' : 'domestic'})
                </td>
                <td>{humanize(l.state)}</td>
                <td>{l.revenueOfficer?.name ?? '—'}</td>
                <td>{formatInstant(l.updatedAt, me.function.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
