import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionPanel } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { AttachedDocuments } from '../../attached-documents';
import { graphql } from '../../gql';
import type { CustomsRequestState } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { CustomsItems } from './customs-items';
import { CERTIFICATIONS, stateName } from './customs-labels';
import { CustomsReleaseSection } from './customs-release';
import { CustomsRequestPageDocument, reviewedBy } from './customs-request-query';
import { AnswerScreenForm, ScreenAnswers } from './customs-screens';
import { DisclosureTimeline } from './disclosure-timeline';

const ReturnIncomplete = graphql(`
  mutation ReturnCustomsRequestIncomplete($input: CustomsRequestReasonInput!) {
    returnCustomsRequestIncomplete(input: $input) {
      id
      state
      version
    }
  }
`);
const ConcludeReview = graphql(`
  mutation ConcludeCustomsReview($input: CustomsRequestStepInput!) {
    concludeCustomsReview(input: $input) {
      id
      state
      version
    }
  }
`);
const ReturnReview = graphql(`
  mutation ReturnCustomsReview($input: CustomsRequestReasonInput!) {
    returnCustomsReview(input: $input) {
      id
      state
      version
    }
  }
`);
const Release = graphql(`
  mutation ReleaseCustomsDisclosure($input: CustomsRequestStepInput!) {
    releaseCustomsDisclosure(input: $input) {
      id
      state
      version
    }
  }
`);

type Step = 'RETURN_INCOMPLETE' | 'CONCLUDE' | 'RELEASE' | 'RETURN_REVIEW';

/**
 * The steps the lifecycle allows from this state (README "Disclosure"); release and return of the review only to an
 * officer who took no part in the review (two-person rule). The API checks both again.
 */
function offeredSteps(state: CustomsRequestState, reviewer: boolean): Step[] {
  if (state === 'RECEIVED') return ['RETURN_INCOMPLETE'];
  if (state === 'UNDER_REVIEW') return ['CONCLUDE', 'RETURN_INCOMPLETE'];
  if ((state === 'APPROVED' || state === 'PARTLY_APPROVED') && !reviewer) return ['RELEASE', 'RETURN_REVIEW'];
  return [];
}

/** A disclosure officer's page for one written Customs request: elements, screens, items, steps, release, documents, history. */
export function CustomsRequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = me.function.timeZone;
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: CustomsRequestPageDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const request = data?.customsRequest;
  usePageTitle(request ? `Customs request ${request.referenceNumber}` : 'Customs request');
  if (error && !request) return <ApiErrorAlert error={error} />;
  if (!data || !request) return <p>Loading…</p>;
  const step = { requestId: request.id, expectedVersion: request.version };
  const screening = request.state === 'RECEIVED' || request.state === 'UNDER_REVIEW';
  return (
    <>
      <h1>
        Customs request {request.referenceNumber} <span className="usa-tag">{stateName(request.state)}</span>
      </h1>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-7" aria-labelledby="elements-heading">
          <h2 id="elements-heading">The written request (26 CFR 301.6103(l)(14)-1(b))</h2>
          <dl className="hub-facts">
            <dt>Customs reference</dt>
            <dd>
              {request.letterReference}, received {request.receivedOn}
            </dd>
            <dt>(b)(2) Taxpayer</dt>
            <dd>
              {request.taxpayerName} ({request.tinType} {request.tinMasked})
            </dd>
            <dt>(b)(4) Authorized Customs officers and employees, by title</dt>
            <dd>{request.recipientTitles.join('; ')}</dd>
            <dt>(b)(4) Certification</dt>
            <dd>{CERTIFICATIONS.find(([c]) => c === request.auditCertification)?.[1]}</dd>
          </dl>
          <h2>Items</h2>
          <CustomsItems request={request} onDone={reload} />
          <h2>Screens</h2>
          <ScreenAnswers request={request} timeZone={zone} />
          {screening && <AnswerScreenForm request={request} onDone={reload} />}
          {request.release && <CustomsReleaseSection request={request} timeZone={zone} />}
        </section>
        <div className="tablet:grid-col-5">
          <ActionPanel<Step>
            draftKey={`customs.${request.id}`}
            subject="request"
            offered={offeredSteps(request.state, reviewedBy(data.customsRequestHistory, me.id))}
            onReload={reload}
            fieldLabels={{ requestId: 'The request' }}
            specs={{
              CONCLUDE: {
                label: 'Conclude the review',
                noNote: true,
                send: () => client.mutation(ConcludeReview, { input: step }).toPromise(),
              },
              RELEASE: {
                label: 'Release to Customs',
                noNote: true,
                send: () => client.mutation(Release, { input: step }).toPromise(),
              },
              RETURN_REVIEW: {
                label: 'Return to review',
                noteLabel: 'Why you do not agree (internal)',
                noteField: 'reason',
                send: (_draft, note) => client.mutation(ReturnReview, { input: { ...step, reason: note ?? '' } }).toPromise(),
              },
              RETURN_INCOMPLETE: {
                label: 'Return as incomplete',
                noteLabel: 'Which element is inadequate, and why',
                noteField: 'reason',
                send: (_draft, note) => client.mutation(ReturnIncomplete, { input: { ...step, reason: note ?? '' } }).toPromise(),
              },
            }}
          />
          <AttachedDocuments
            documents={request.documents}
            uploadPath={`/documents/customs-request/${request.id}`}
            timeZone={zone}
            onUploaded={reload}
          />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <DisclosureTimeline steps={data.customsRequestHistory} timeZone={zone} />
          </section>
        </div>
      </div>
    </>
  );
}
