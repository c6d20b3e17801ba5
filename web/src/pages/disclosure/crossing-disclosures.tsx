import { useCallback } from 'react';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { TecsDisclosureField } from '../../gql/graphql';
import { useColleagueNames } from './disclosure-timeline';
import { DHS_ONLY_FACTS, fieldName } from './tecs-disclosure-labels';
import { DhsAuthorizationForm, DiscloseForm } from './tecs-disclosure-forms';

const CrossingDisclosuresDocument = graphql(`
  query CrossingDisclosures($crossingId: UUID!) {
    tecsDisclosures(crossingId: $crossingId, first: 100) {
      id
      recipientKind
      recipientName
      authorityForm
      authorityReference
      authorityTaxYears
      fields
      disclosedAt
      disclosedById
    }
    dhsDisclosureAuthorizations(crossingId: $crossingId, first: 100) {
      id
      dhsReference
      recipientKind
      recipientName
      fields
      authorizedOn
    }
  }
`);

const recipientOf = (r: { recipientKind: string; recipientName?: string | null }) =>
  r.recipientName ? `${r.recipientName} (${humanize(r.recipientKind).toLowerCase()})` : humanize(r.recipientKind);

/** A crossing's disclosures to the taxpayer or their representative and DHS's authorizations, with the forms to record more. */
export function CrossingDisclosures({ crossingId, timeZone }: { crossingId: string; timeZone: string }) {
  const [{ data, error }, refetch] = useQuery({ query: CrossingDisclosuresDocument, variables: { crossingId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const nameOf = useColleagueNames();
  if (error) return <ApiErrorAlert error={error} />;
  if (!data) return null;
  const authorized = new Set<TecsDisclosureField>(data.dhsDisclosureAuthorizations.flatMap((a) => a.fields));
  return (
    <section aria-labelledby="disclosures-heading">
      <h2 id="disclosures-heading">Disclosures</h2>
      {data.tecsDisclosures.length === 0 ? (
        <p>Nothing from this crossing has been disclosed.</p>
      ) : (
        <ul className="usa-list">
          {data.tecsDisclosures.map((d) => (
            <li key={d.id}>
              {formatInstant(d.disclosedAt, timeZone)}: {d.fields.map(fieldName).join(', ')} to {recipientOf(d)}
              {d.authorityForm && ` (${d.authorityForm} ${d.authorityReference}, ${d.authorityTaxYears.join(', ')})`}, by{' '}
              {nameOf(d.disclosedById)}
            </li>
          ))}
        </ul>
      )}
      <h3>DHS authorizations</h3>
      {data.dhsDisclosureAuthorizations.length === 0 ? (
        <p>None: only the five facts may be disclosed.</p>
      ) : (
        <ul className="usa-list">
          {data.dhsDisclosureAuthorizations.map((a) => (
            <li key={a.id}>
              {a.dhsReference} of {a.authorizedOn}: {a.fields.map(fieldName).join(', ')} to {recipientOf(a)}
            </li>
          ))}
        </ul>
      )}
      <DiscloseForm
        source={{ crossingId }}
        dhsFields={DHS_ONLY_FACTS.filter(([f]) => authorized.has(f))}
        timeZone={timeZone}
        onDone={reload}
      />
      <DhsAuthorizationForm source={{ crossingId }} offered={DHS_ONLY_FACTS} onDone={reload} />
    </section>
  );
}
