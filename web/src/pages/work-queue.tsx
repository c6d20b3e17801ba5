import { Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Client } from 'urql';
import { ApiErrorAlert } from '../alert';
import { graphql } from '../documents';
import type { ReferralForm, ReferralState } from '../gql/graphql';
import { SelectField } from '../field';
import { Countdown } from '../countdown';
import { FORM_NAMES, formatInstant, humanize } from '../format';
import { usePageTitle } from '../page-title';
import { useLiveQuery } from '../live';
import { TecsWaiting } from './tecs-waiting';

const WorkQueueDocument = graphql(`
  query WorkQueue($first: Int!) {
    me {
      id
      function {
        id
        timeZone
      }
    }
    myWorkQueue(first: $first) {
      nodes {
        id
        referenceNumber
        form
        state
        currentClock
        nextDueAt
        secondsRemaining
        overdue
        originatingFunction {
          code
        }
        receivingFunction {
          code
        }
      }
    }
  }
`);

/** The API's largest work-queue page; filters and paging work on it in the browser. */
const QUEUE_SIZE = 100;
const PAGE_SIZE = 20;
const FORMS: ReferralForm[] = ['F14566', 'F4442', 'F3210'];

/** The paths app.tsx shows this page at. */
export function isWorkQueuePath(path: string): boolean {
  return path === '/' || path === '/work-queue';
}

/**
 * The page's first read, sent by the entry script before React has rendered the page (main.tsx): the page finds the
 * answer in urql's cache, or shares the request still under way.
 */
export function prefetchWorkQueue(client: Client): void {
  void client.query(WorkQueueDocument, { first: QUEUE_SIZE }).toPromise();
}

/**
 * The home page: it asks for the caller's time zone with its rows instead of waiting for the layout's `Me`, so a first
 * visit sends both requests at once.
 */
export function WorkQueuePage() {
  usePageTitle('My work queue');
  const [{ data, error, fetching }, { live }] = useLiveQuery({ query: WorkQueueDocument, variables: { first: QUEUE_SIZE } }, ['referral']);
  const [form, setForm] = useState<ReferralForm | ''>('');
  const [state, setState] = useState<ReferralState | ''>('');
  const [page, setPage] = useState(0);

  const rows = data?.myWorkQueue.nodes ?? [];
  const timeZone = data?.me.function.timeZone;
  const states = useMemo(() => [...new Set(rows.map((r) => r.state))].sort(), [rows]);
  const shown = rows.filter((r) => (!form || r.form === form) && (!state || r.state === state));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <>
      <h1>My work queue</h1>
      <p>
        What you must act on, soonest due first.{timeZone && ` Times are in your time zone (${timeZone}).`}{' '}
        {live ? 'The list updates as soon as something changes.' : 'The list refreshes every 15 seconds.'}
      </p>
      {error && <ApiErrorAlert error={error} />}
      <h2>Referrals to act on</h2>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <SelectField
            path="filter.form"
            label="Form"
            placeholder="All forms"
            value={form}
            options={FORMS.map((f) => [f, FORM_NAMES[f]])}
            onChange={(f) => (setForm(f), setPage(0))}
          />
        </div>
        <div className="grid-col-auto">
          <SelectField
            path="filter.state"
            label="State"
            placeholder="All states"
            value={state}
            options={states.map((s) => [s, humanize(s)])}
            onChange={(s) => (setState(s), setPage(0))}
          />
        </div>
      </div>
      {data && shown.length === 0 && <p className="margin-top-3">Nothing to act on{form || state ? ' with these filters' : ''}.</p>}
      {timeZone && pageRows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full margin-top-3">
          <caption className="usa-sr-only">Referrals to act on, soonest due first</caption>
          <thead>
            <tr>
              <th scope="col">Referral</th>
              <th scope="col">Form</th>
              <th scope="col">State</th>
              <th scope="col">From → to</th>
              <th scope="col">Clock</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/referrals/${r.id}`}>{r.referenceNumber}</Link>
                </th>
                <td>{FORM_NAMES[r.form]}</td>
                <td>{humanize(r.state)}</td>
                <td>
                  {r.originatingFunction.code} → {r.receivingFunction.code}
                </td>
                <td>{r.currentClock ? humanize(r.currentClock) : '—'}</td>
                <td>
                  <span className="hub-nowrap">{formatInstant(r.nextDueAt, timeZone)}</span>
                  <br />
                  {r.overdue && <span className="usa-tag bg-secondary-dark margin-right-1">Overdue</span>}
                  <Countdown seconds={r.secondsRemaining} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages of the work queue" className="margin-top-2">
          <button type="button" className="usa-button usa-button--outline" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page
          </button>
          <span className="margin-x-2" aria-live="polite">
            Page {current + 1} of {pages}
          </span>
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next page
          </button>
        </nav>
      )}
      {fetching && !data && <p>Loading…</p>}
      <p className="margin-top-2">
        <Link className="usa-button" to="/referrals/new">
          File a referral
        </Link>
      </p>
      <Suspense>
        <TecsWaiting />
      </Suspense>
    </>
  );
}
