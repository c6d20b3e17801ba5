import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../alert';
import { CheckboxField, SelectField, TextField } from '../field';
import { FORM_NAMES, formatInstant, humanize } from '../format';
import { graphql } from '../documents';
import type { ReferralForm, ReferralListRowFragment, ReferralState } from '../gql/graphql';
import { useMe } from '../me';
import { usePageTitle } from '../page-title';

// The row both lists show (codegen reads the fragment from here).
graphql(`
  fragment ReferralListRow on Referral {
    id
    referenceNumber
    form
    state
    currentClock
    nextDueAt
    overdue
    submittedAt
    originatingFunction {
      code
    }
    receivingFunction {
      code
    }
  }
`);

const ReferralsDocument = graphql(`
  query ReferralList($filter: ReferralFilterInput, $first: Int!, $after: String) {
    referrals(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...ReferralListRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    businessFunctions(first: 500) {
      id
      code
      name
    }
  }
`);

const OverdueDocument = graphql(`
  query OverdueReferrals {
    overdueReferrals(first: 100) {
      nodes {
        ...ReferralListRow
      }
    }
  }
`);

const PAGE_SIZE = 25;
const FORMS: ReferralForm[] = ['F14566', 'F4442', 'F3210'];
const STATES: ReferralState[] = [
  'SUBMITTED',
  'RETURNED',
  'FORWARDED',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'COMPLETED',
  'RETURNED_NO_TPP',
  'CLOSED',
  'WITHDRAWN',
];

function ReferralTable({ rows, caption, timeZone }: { rows: ReferralListRowFragment[]; caption: string; timeZone: string }) {
  return (
    <table className="usa-table usa-table--borderless width-full">
      <caption className="usa-sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Referral</th>
          <th scope="col">Form</th>
          <th scope="col">State</th>
          <th scope="col">From → to</th>
          <th scope="col">Filed</th>
          <th scope="col">Next due</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/referrals/${r.id}`}>{r.referenceNumber}</Link>
            </th>
            <td>{FORM_NAMES[r.form]}</td>
            <td>{humanize(r.state)}</td>
            <td>
              {r.originatingFunction.code} → {r.receivingFunction.code}
            </td>
            <td>{formatInstant(r.submittedAt, timeZone)}</td>
            <td>
              {r.currentClock ? `${humanize(r.currentClock)}: ${formatInstant(r.nextDueAt, timeZone)}` : '—'}
              {r.overdue && <span className="usa-tag bg-secondary-dark margin-left-1">Overdue</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ListFilter {
  form: ReferralForm | '';
  state: ReferralState | '';
  functionId: string;
  overdue: boolean;
  tin: string;
}

/** `referrals(filter)`: the referrals the caller is party to (admins: all), newest first, filtered and paged by the API. */
export function ReferralsPage() {
  usePageTitle('Referrals');
  const me = useMe();
  const [filter, setFilter] = useState<ListFilter>({ form: '', state: '', functionId: '', overdue: false, tin: '' });
  /** Cursors of the pages seen so far: the last is the current page's. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const variables = {
    first: PAGE_SIZE,
    after: cursors[cursors.length - 1],
    filter: {
      forms: filter.form ? [filter.form] : undefined,
      states: filter.state ? [filter.state] : undefined,
      functionId: filter.functionId || undefined,
      overdue: filter.overdue || undefined,
      tin: filter.tin.trim() || undefined,
    },
  };
  const [{ data, error }] = useQuery({ query: ReferralsDocument, variables });
  const change = (next: Partial<ListFilter>) => (setFilter({ ...filter, ...next }), setCursors([null]));
  const rows = data?.referrals.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1>Referrals</h1>
      <p>
        The referrals you are party to, newest first. <Link to="/referrals/overdue">Overdue referrals</Link>
      </p>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <SelectField
            path="filter.form"
            label="Form"
            placeholder="All forms"
            value={filter.form}
            options={FORMS.map((f) => [f, FORM_NAMES[f]])}
            onChange={(form) => change({ form })}
          />
        </div>
        <div className="grid-col-auto">
          <SelectField
            path="filter.state"
            label="State"
            placeholder="All states"
            value={filter.state}
            options={STATES.map((s): [ReferralState, string] => [s, humanize(s)])}
            onChange={(state) => change({ state })}
          />
        </div>
        <div className="grid-col-auto">
          <SelectField
            path="filter.functionId"
            label="Function (from or to)"
            placeholder="Any function"
            value={filter.functionId}
            options={(data?.businessFunctions ?? []).map((f) => [f.id, `${f.name} (${f.code})`])}
            onChange={(functionId) => change({ functionId })}
          />
        </div>
        <div className="grid-col-auto">
          <TextField path="filter.tin" label="TIN" hint="Exact, any punctuation" value={filter.tin} onChange={(tin) => change({ tin })} />
        </div>
      </div>
      <CheckboxField path="filter.overdue" label="Only overdue" checked={filter.overdue} onChange={(overdue) => change({ overdue })} />
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No referrals match.</p>}
      {rows.length > 0 && <ReferralTable rows={rows} caption="Referrals, newest first" timeZone={me.function.timeZone} />}
      {(cursors.length > 1 || data?.referrals.pageInfo.hasNextPage) && (
        <nav aria-label="Pages of referrals" className="margin-top-2">
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={cursors.length === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous page
          </button>
          <span className="margin-x-2" aria-live="polite">
            Page {cursors.length}
          </span>
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={!data?.referrals.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, data?.referrals.pageInfo.endCursor ?? null])}
          >
            Next page
          </button>
        </nav>
      )}
    </>
  );
}

/** `overdueReferrals`: the caller's referrals whose running clock has passed its due time. */
export function OverdueReferralsPage() {
  usePageTitle('Overdue referrals');
  const me = useMe();
  const [{ data, error }] = useQuery({ query: OverdueDocument });
  const rows = data?.overdueReferrals.nodes ?? [];
  return (
    <>
      <h1>Overdue referrals</h1>
      <p>
        Your referrals whose running clock has passed its due time (the first 100). <Link to="/referrals">All referrals</Link>
      </p>
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>Nothing is overdue.</p>}
      {rows.length > 0 && <ReferralTable rows={rows} caption="Overdue referrals" timeZone={me.function.timeZone} />}
    </>
  );
}
