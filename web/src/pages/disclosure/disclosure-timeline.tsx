import { useQuery } from 'urql';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { DisclosureStepFieldsFragment } from '../../gql/graphql';
import { useMe } from '../../me';

const ColleaguesDocument = graphql(`
  query DisclosureColleagues($functionId: UUID!) {
    employees(functionId: $functionId, first: 500) {
      nodes {
        id
        name
      }
    }
  }
`);

// What the timeline shows of each history entry; the pages' queries spread it (codegen reads the fragment from here).
graphql(`
  fragment DisclosureStepFields on DisclosureHistoryEntry {
    id
    action
    actorId
    at
    fromState
    toState
    note
  }
`);

/**
 * Names for the ids a history gives: the caller's colleagues in their function (the disclosure office, the RO's
 * group) by name; anyone else is named by their part, since the history carries only ids.
 */
export function useColleagueNames(): (id: string) => string {
  const me = useMe();
  const [{ data }] = useQuery({ query: ColleaguesDocument, variables: { functionId: me.function.id } });
  const names = new Map((data?.employees.nodes ?? []).map((e) => [e.id, e.name]));
  return (id) => (id === me.id ? `${me.name} (you)` : (names.get(id) ?? 'someone in another office'));
}

/** The append-only history of a Customs or past-travel request, oldest first. */
export function DisclosureTimeline({ steps, timeZone }: { steps: readonly DisclosureStepFieldsFragment[]; timeZone: string }) {
  const nameOf = useColleagueNames();
  return (
    <ol className="hub-timeline">
      {steps.map((h) => (
        <li key={h.id}>
          <p className="margin-0 text-bold">
            {humanize(h.action)}
            {h.fromState && h.fromState !== h.toState ? `: ${humanize(h.fromState)} → ${humanize(h.toState)}` : ''}
          </p>
          <p className="margin-0">
            {formatInstant(h.at, timeZone)} · {nameOf(h.actorId)}
          </p>
          {h.note && <p className="margin-0">“{h.note}”</p>}
        </li>
      ))}
    </ol>
  );
}
