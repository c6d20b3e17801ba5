import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionPanel } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { SelectField } from '../../field';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { CrossingAction, InvestigationKind } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { CrossingDisclosures } from '../disclosure/crossing-disclosures';

const CrossingDocument = graphql(`
  query CrossingPage($id: UUID!) {
    crossing(id: $id) {
      id
      referenceNumber
      status
      flagged
      timeCritical
      taxpayerName
      dateOfBirth
      documentNumber
      direction
      placeOfCrossing
      crossedAt
      receivedAt
      plannedDepartureAt
      nextDestination
      stayingAt
      usAddress
      usEmployer
      phone
      availableActions
      lookout {
        id
        referenceNumber
        state
      }
    }
  }
`);

const DisclosureDocument = graphql(`
  query CrossingDisclosure($crossingId: UUID!) {
    taxpayerDisclosure(crossingId: $crossingId) {
      taxpayerName
      dateOfBirth
      placeOfCrossing
      crossedAt
      documentNumber
    }
  }
`);

const ActiveLookouts = graphql(`
  query ActiveLookouts {
    lookouts(filter: { states: [ACTIVE] }, first: 500) {
      nodes {
        id
        referenceNumber
        taxpayerName
      }
    }
  }
`);

const OpenInvestigation = graphql(`
  mutation OpenInvestigation($input: OpenInvestigationInput!) {
    openInvestigation(input: $input) {
      id
    }
  }
`);

const DismissCrossing = graphql(`
  mutation DismissCrossing($input: DismissCrossingInput!) {
    dismissCrossing(input: $input) {
      id
      status
    }
  }
`);

const KINDS: [InvestigationKind, string][] = [
  ['OTHER_INVESTIGATION', 'Other investigation (OI)'],
  ['COURTESY_INVESTIGATION', 'Courtesy investigation'],
];

/** What may be told to the taxpayer or their representative (seed 000); everything else on the page needs DHS's consent. */
function Disclosable({ crossingId, timeZone }: { crossingId: string; timeZone: string }) {
  const [shown, setShown] = useState(false);
  const [{ data, error }] = useQuery({ query: DisclosureDocument, variables: { crossingId }, pause: !shown });
  const d = data?.taxpayerDisclosure;
  return (
    <section aria-labelledby="disclosable-heading">
      <h2 id="disclosable-heading">What may be disclosed to the taxpayer</h2>
      <p>Only these facts may be given to the taxpayer or their representative; the rest of the DHS report may not be disclosed.</p>
      {!shown && (
        <button type="button" className="usa-button usa-button--outline" onClick={() => setShown(true)}>
          Show what may be disclosed
        </button>
      )}
      {error && <ApiErrorAlert error={error} />}
      {d && (
        <dl className="hub-facts">
          <dt>Name</dt>
          <dd>{d.taxpayerName}</dd>
          <dt>Date of birth</dt>
          <dd>{d.dateOfBirth}</dd>
          <dt>Place of crossing</dt>
          <dd>{d.placeOfCrossing}</dd>
          <dt>Crossed</dt>
          <dd>{formatInstant(d.crossedAt, timeZone)}</dd>
          <dt>Document number</dt>
          <dd>{d.documentNumber}</dd>
        </dl>
      )}
    </section>
  );
}

export function CrossingPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = me.function.timeZone;
  const client = useClient();
  const navigate = useNavigate();
  const [{ data, error }, refetch] = useQuery({ query: CrossingDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const crossing = data?.crossing;
  const needsLookout = !!crossing?.flagged && crossing.availableActions.includes('OPEN_INVESTIGATION');
  const [{ data: lookouts }] = useQuery({ query: ActiveLookouts, pause: !needsLookout });
  usePageTitle(crossing ? `Crossing ${crossing.referenceNumber}` : 'Crossing');
  if (error && !crossing) return <ApiErrorAlert error={error} />;
  if (!crossing) return <p>Loading…</p>;
  const facts: [string, string | null | undefined][] = [
    ['Taxpayer', crossing.taxpayerName],
    ['Date of birth', crossing.dateOfBirth],
    ['Document number', crossing.documentNumber],
    ['Direction', humanize(crossing.direction)],
    ['Place of crossing', crossing.placeOfCrossing],
    ['Crossed', formatInstant(crossing.crossedAt, zone)],
    ['Reported by DHS', formatInstant(crossing.receivedAt, zone)],
    ['Planned departure', formatInstant(crossing.plannedDepartureAt, zone)],
    ['Next destination', crossing.nextDestination],
    ['Staying at', crossing.stayingAt],
    ['U.S. address', crossing.usAddress],
    ['U.S. employer', crossing.usEmployer],
    ['Phone', crossing.phone],
  ];
  return (
    <>
      <h1>
        Crossing {crossing.referenceNumber} <span className="usa-tag">{humanize(crossing.status)}</span>
      </h1>
      <p>
        {crossing.timeCritical && <span className="usa-tag bg-secondary-dark margin-right-1">Time-critical: the taxpayer leaves soon</span>}
        {crossing.lookout ? (
          <>
            Matched lookout <Link to={`/lookouts/${crossing.lookout.id}`}>{crossing.lookout.referenceNumber}</Link> (
            {humanize(crossing.lookout.state)}).
          </>
        ) : (
          'No active lookout matched this crossing: look at it before opening an OI.'
        )}
      </p>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-6" aria-labelledby="report-heading">
          <h2 id="report-heading">DHS report (times in {zone})</h2>
          <dl className="hub-facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value || '—'}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="tablet:grid-col-6">
          <ActionPanel<CrossingAction>
            draftKey={`crossing.${crossing.id}`}
            subject="crossing"
            offered={crossing.availableActions}
            onReload={reload}
            fieldLabels={{ lookoutId: 'Lookout', kind: 'Kind', reason: 'Why no investigation is needed' }}
            specs={{
              OPEN_INVESTIGATION: {
                label: 'Open an OI',
                fields: (draft, update) => (
                  <>
                    <SelectField
                      path="kind"
                      label="Kind"
                      placeholder={false}
                      value={(draft.kind as InvestigationKind) ?? 'OTHER_INVESTIGATION'}
                      options={KINDS}
                      onChange={(kind) => update({ kind })}
                    />
                    {needsLookout && (
                      <SelectField
                        path="lookoutId"
                        label="Lookout"
                        hint="The active lookout this crossing is about"
                        value={draft.lookoutId ?? ''}
                        options={(lookouts?.lookouts.nodes ?? []).map((l) => [l.id, `${l.referenceNumber}: ${l.taxpayerName}`])}
                        onChange={(lookoutId) => update({ lookoutId })}
                      />
                    )}
                  </>
                ),
                send: async (draft, note) => {
                  const result = await client
                    .mutation(OpenInvestigation, {
                      input: {
                        crossingId: crossing.id,
                        kind: (draft.kind as InvestigationKind) || undefined,
                        lookoutId: draft.lookoutId || undefined,
                        note,
                      },
                    })
                    .toPromise();
                  if (result.data) navigate(`/investigations/${result.data.openInvestigation.id}`);
                  return result;
                },
              },
              DISMISS: {
                label: 'Dismiss',
                noteLabel: 'Why no investigation is needed',
                noteField: 'reason',
                send: (_draft, note) =>
                  client.mutation(DismissCrossing, { input: { crossingId: crossing.id, reason: note ?? '' } }).toPromise(),
              },
            }}
          />
          <Disclosable crossingId={crossing.id} timeZone={zone} />
          {crossing.lookout && <CrossingDisclosures crossingId={crossing.id} timeZone={zone} />}
        </div>
      </div>
    </>
  );
}
