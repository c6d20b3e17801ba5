import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { ActionPanel } from '../../action-panel';
import { ApiErrorAlert } from '../../alert';
import { AttachedDocuments } from '../../attached-documents';
import { graphql } from '../../documents';
import type { CustomsRequestAction } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { CustomsItems } from './customs-items';
import { CERTIFICATIONS, stateName } from './customs-labels';
import { CustomsReleaseSection } from './customs-release';
import { CustomsRequestPageDocument } from './customs-request-query';
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
  // The API lists what this officer may do now (its lifecycle table, the access policy, the two-person rule).
  const offered = new Set(request.availableActions);
  const conclude = (outcome: string) => ({
    label: `Conclude the review: ${outcome}`,
    noNote: true,
    send: () => client.mutation(ConcludeReview, { input: step }).toPromise(),
  });
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
          <CustomsItems request={request} deciding={offered.has('DECIDE_ITEM')} onDone={reload} />
          <h2>Screens</h2>
          <ScreenAnswers request={request} timeZone={zone} />
          {offered.has('ANSWER_SCREEN') && <AnswerScreenForm request={request} onDone={reload} />}
          {request.release && <CustomsReleaseSection request={request} timeZone={zone} />}
        </section>
        <div className="tablet:grid-col-5">
          <ActionPanel<CustomsRequestAction>
            draftKey={`customs.${request.id}`}
            subject="request"
            offered={request.availableActions}
            onReload={reload}
            fieldLabels={{ requestId: 'The request' }}
            specs={{
              CONCLUDE_APPROVED: conclude('every item approved'),
              CONCLUDE_PARTLY_APPROVED: conclude('partly approved'),
              CONCLUDE_DENIED: conclude('every item denied'),
              RELEASE: {
                label: 'Release to Customs',
                noNote: true,
                send: () => client.mutation(Release, { input: step }).toPromise(),
              },
              RETURN_TO_REVIEW: {
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
            owner="Customs request"
            documents={request.documents}
            uploadPath={offered.has('ATTACH_DOCUMENT') ? `/documents/customs-request/${request.id}` : undefined}
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
