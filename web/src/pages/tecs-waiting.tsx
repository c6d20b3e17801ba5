import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../alert';
import { graphql } from '../documents';
import type { Role } from '../gql/graphql';
import { formatInstant, humanize } from '../format';
import { useLiveQuery } from '../live';
import { useMe } from '../me';

/**
 * The lookout states in which someone must act next (GM approves, RO resubmits, coordinator reviews or forwards a
 * removal, CI enters or deletes); whether it is the caller who must act is the API's `availableActions`.
 */
const WAITING_LOOKOUT_STATES = [
  'REQUESTED',
  'RETURNED_TO_RO',
  'WITH_COORDINATOR',
  'REMOVAL_REQUESTED',
  'WITH_CI',
  'REMOVAL_WITH_CI',
] as const;

/** At most this many of each list on the home page; the full lists are one link away. */
const SHOWN = 100;

const TecsWaitingDocument = graphql(`
  query TecsWaiting($first: Int!, $investigations: Boolean!, $lookouts: Boolean!, $crossings: Boolean!, $lookoutStates: [LookoutState!]!) {
    myInvestigations(first: $first) @include(if: $investigations) {
      nodes {
        id
        referenceNumber
        dueAt
        timeCritical
        availableActions
        lookout {
          taxpayerName
        }
      }
    }
    lookouts(first: $first, filter: { states: $lookoutStates }, orderBy: { field: FILED_AT, direction: ASC }) @include(if: $lookouts) {
      nodes {
        id
        referenceNumber
        taxpayerName
        state
        availableActions
      }
    }
    tecsCoordinatorQueue(first: $first) @include(if: $crossings) {
      crossings {
        id
        referenceNumber
        taxpayerName
        plannedDepartureAt
        timeCritical
        availableActions
      }
    }
  }
`);

/** Which TECS lists a person's roles make worth asking for (navigation only: the API decides what is theirs to act on). */
function listsFor(roles: readonly Role[]) {
  const any = (...wanted: Role[]) => wanted.some((role) => roles.includes(role));
  return {
    investigations: any('TECS_COORDINATOR', 'GROUP_MANAGER', 'REVENUE_OFFICER'),
    lookouts: any('TECS_COORDINATOR', 'GROUP_MANAGER', 'REVENUE_OFFICER', 'CRIMINAL_INVESTIGATION'),
    crossings: any('TECS_COORDINATOR'),
  };
}

function TimeCritical({ when }: { when: boolean }) {
  return when ? <span className="usa-tag bg-secondary-dark margin-left-1">Time-critical</span> : null;
}

/** One short list of TECS items waiting for the caller, with the link to the full list. */
function WaitingList({
  title,
  empty,
  to,
  open,
  children,
}: {
  title: string;
  empty: boolean;
  to: string;
  open: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {empty ? <p>Nothing waiting for you.</p> : <ul className="usa-list">{children}</ul>}
      <p>
        <Link to={to}>{open}</Link>
      </p>
    </section>
  );
}

/**
 * The TECS items waiting for the signed-in person (crossings, OIs, lookouts), each list in the API's order
 * (time-critical and soonest due first; lookouts longest waiting first), shown only to those whose roles have them.
 */
export function TecsWaiting() {
  const me = useMe();
  const zone = me.function.timeZone;
  const lists = listsFor(me.roles);
  const wanted = lists.investigations || lists.lookouts || lists.crossings;
  const [{ data, error }] = useLiveQuery(
    { query: TecsWaitingDocument, variables: { first: SHOWN, lookoutStates: [...WAITING_LOOKOUT_STATES], ...lists }, pause: !wanted },
    ['crossing', 'lookout'],
  );
  if (!wanted) return null;
  const crossings = (data?.tecsCoordinatorQueue?.crossings ?? []).filter((c) => c.availableActions.length > 0);
  const investigations = (data?.myInvestigations?.nodes ?? []).filter((oi) => oi.availableActions.length > 0);
  const lookouts = (data?.lookouts?.nodes ?? []).filter((l) => l.availableActions.length > 0);
  return (
    <section className="margin-top-4" aria-labelledby="tecs-waiting">
      <h2 id="tecs-waiting">TECS items waiting for you</h2>
      {error && <ApiErrorAlert error={error} />}
      {data && lists.crossings && (
        <WaitingList title="Crossings" empty={crossings.length === 0} to="/tecs" open="Open the TECS queue">
          {crossings.map((c) => (
            <li key={c.id}>
              <Link to={`/crossings/${c.id}`}>{c.referenceNumber}</Link> {c.taxpayerName}
              {c.plannedDepartureAt && `, leaves ${formatInstant(c.plannedDepartureAt, zone)}`}
              <TimeCritical when={c.timeCritical} />
            </li>
          ))}
        </WaitingList>
      )}
      {data && lists.investigations && (
        <WaitingList title="Other investigations (OIs)" empty={investigations.length === 0} to="/investigations" open="Open the OIs">
          {investigations.map((oi) => (
            <li key={oi.id}>
              <Link to={`/investigations/${oi.id}`}>{oi.referenceNumber}</Link> {oi.lookout.taxpayerName}, due{' '}
              {formatInstant(oi.dueAt, zone)}
              <TimeCritical when={oi.timeCritical} />
            </li>
          ))}
        </WaitingList>
      )}
      {data && lists.lookouts && (
        <WaitingList title="Lookouts" empty={lookouts.length === 0} to="/lookouts" open="Open the lookouts">
          {lookouts.map((l) => (
            <li key={l.id}>
              <Link to={`/lookouts/${l.id}`}>{l.referenceNumber}</Link> {l.taxpayerName}: {humanize(l.state)}
            </li>
          ))}
        </WaitingList>
      )}
    </section>
  );
}
