import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionPanel } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { PastTravelAction } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { DisclosureTimeline } from './disclosure-timeline';
import { DHS_ONLY_FACTS, PAST_TRAVEL_STATES } from './tecs-disclosure-labels';
import { DhsAuthorizationForm, DiscloseForm } from './tecs-disclosure-forms';

const PastTravelPageDocument = graphql(`
  query PastTravelPage($id: UUID!) {
    pastTravelRequest(id: $id) {
      id
      referenceNumber
      state
      version
      availableActions
      taxpayerName
      dateOfBirth
      tinMasked
      tinType
      travelFrom
      travelTo
      taxYears
      reason
      dhsReference
      createdAt
      trips {
        crossedAt
        direction
        placeOfCrossing
        documentNumber
      }
    }
    pastTravelRequestHistory(requestId: $id, first: 100) {
      ...DisclosureStepFields
    }
  }
`);

const ForwardPastTravel = graphql(`
  mutation ForwardPastTravelRequest($input: PastTravelStepInput!) {
    forwardPastTravelRequest(input: $input) {
      id
      state
      version
    }
  }
`);

const DeclinePastTravel = graphql(`
  mutation DeclinePastTravelRequest($input: PastTravelStepInput!) {
    declinePastTravelRequest(input: $input) {
      id
      state
      version
    }
  }
`);

/** Of seed 000's fields, a past-travel answer holds only the trips' direction besides the five facts. */
const ANSWER_DHS_FIELDS = DHS_ONLY_FACTS.filter(([f]) => f === 'DIRECTION');

/** One past-travel request: what was asked, its steps, DHS's trips once answered, and their disclosure (seed 000). */
export function PastTravelRequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = me.function.timeZone;
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: PastTravelPageDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const request = data?.pastTravelRequest;
  usePageTitle(request ? `Past-travel request ${request.referenceNumber}` : 'Past-travel request');
  if (error && !request) return <ApiErrorAlert error={error} />;
  if (!data || !request) return <p>Loading…</p>;
  // The API lists what this person may do now (the lifecycle table, the access policy, who they are on the request).
  const offered = new Set(request.availableActions);
  const step = { requestId: request.id, expectedVersion: request.version };
  const source = { pastTravelRequestId: request.id };
  return (
    <>
      <h1>
        Past-travel request {request.referenceNumber} <span className="usa-tag">{PAST_TRAVEL_STATES[request.state]}</span>
      </h1>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-7" aria-labelledby="asked-heading">
          <h2 id="asked-heading">What was asked</h2>
          <dl className="hub-facts">
            <dt>Taxpayer</dt>
            <dd>
              {request.taxpayerName}, born {request.dateOfBirth} ({request.tinType} {request.tinMasked})
            </dd>
            <dt>Period</dt>
            <dd>
              {request.travelFrom} to {request.travelTo}
            </dd>
            <dt>Tax years of the case</dt>
            <dd>{request.taxYears.length ? request.taxYears.join(', ') : 'none given: the answer may go to the taxpayer only'}</dd>
            <dt>Why</dt>
            <dd>{request.reason}</dd>
          </dl>
          {request.trips && (
            <>
              <h2>DHS’s answer {request.dhsReference}</h2>
              {request.trips.length === 0 ? (
                <p>DHS found no crossing in the period.</p>
              ) : (
                <table className="usa-table usa-table--borderless width-full">
                  <caption>Trips (times in {zone}), in DHS’s order</caption>
                  <thead>
                    <tr>
                      <th scope="col">Crossed</th>
                      <th scope="col">Direction</th>
                      <th scope="col">Place</th>
                      <th scope="col">Document number</th>
                    </tr>
                  </thead>
                  <tbody>
                    {request.trips.map((t, i) => (
                      <tr key={i}>
                        <th scope="row">{formatInstant(t.crossedAt, zone)}</th>
                        <td>{humanize(t.direction)}</td>
                        <td>{t.placeOfCrossing}</td>
                        <td>{t.documentNumber}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          {(offered.has('DISCLOSE_ANSWER') || offered.has('RECORD_DHS_AUTHORIZATION')) && (
            <section aria-labelledby="pt-disclosure-heading">
              <h2 id="pt-disclosure-heading">Disclosure of the answer</h2>
              {offered.has('DISCLOSE_ANSWER') && (
                <DiscloseForm source={source} dhsFields={ANSWER_DHS_FIELDS} timeZone={zone} onDone={reload} />
              )}
              {offered.has('RECORD_DHS_AUTHORIZATION') && (
                <DhsAuthorizationForm source={source} offered={ANSWER_DHS_FIELDS} onDone={reload} />
              )}
            </section>
          )}
        </section>
        <div className="tablet:grid-col-5">
          <ActionPanel<PastTravelAction>
            draftKey={`past-travel.${request.id}`}
            subject="request"
            offered={request.availableActions}
            onReload={reload}
            specs={{
              FORWARD: {
                label: 'Send to DHS',
                noNote: true,
                send: () => client.mutation(ForwardPastTravel, { input: step }).toPromise(),
              },
              DECLINE: {
                label: 'Decline',
                noteLabel: 'Why it does not go to DHS',
                noteField: 'reason',
                send: (_draft, note) => client.mutation(DeclinePastTravel, { input: { ...step, reason: note } }).toPromise(),
              },
            }}
          />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <DisclosureTimeline steps={data.pastTravelRequestHistory} timeZone={zone} />
          </section>
        </div>
      </div>
    </>
  );
}
