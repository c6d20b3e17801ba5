import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../alert';
import { Countdown } from '../countdown';
import { FORM_NAMES, formatInstant, humanize } from '../format';
import { graphql } from '../documents';
import type { ReferralPageQuery } from '../gql/graphql';
import { useMe } from '../me';
import { usePageTitle } from '../page-title';
import { ClockExplanations } from './clock-explanation';
import { FullTins } from './full-tins';
import { ReferralActions } from './referral-actions';
import { ReferralContent } from './referral-content';
import { ReferralDocuments } from './referral-documents';

const ReferralPageDocument = graphql(`
  query ReferralPage($id: UUID!) {
    referral(id: $id) {
      id
      referenceNumber
      form
      state
      version
      submittedAt
      receivedAt
      acknowledgedAt
      completedAt
      closedAt
      reviewDueAt
      ackDueAt
      completionDueAt
      nextDueAt
      currentClock
      secondsRemaining
      overdue
      reviewOverdue
      ackOverdue
      completionOverdue
      availableActions
      resolutionCode
      resolutionCodeOptions {
        code
        meaning
      }
      resolutionCodeRequired
      misrouteCodeOptions {
        code
        meaning
      }
      documentActions
      documents(first: 100) {
        id
        name
        mediaType
        size
        sha256
        malwareScan
        uploadedAt
        uploadedBy {
          name
        }
        downloadPath
        custodyActions
        custody {
          action
          to
          at
          note
          by {
            name
          }
        }
      }
      clockExplanation {
        clock
        unit
        length
        timeZone
        startedOn
        lastDay
        dueAt
        days {
          date
          dayNumber
          skippedAs
          holiday
        }
      }
      elevationLevel
      originator {
        name
      }
      assignee {
        name
      }
      originatingFunction {
        code
        name
      }
      receivingFunction {
        id
        code
        name
      }
      category {
        name
      }
      content {
        __typename
        ... on Form14566Content {
          purpose
          business {
            name
            einMasked
            address {
              ...PostalAddressFields
            }
          }
          taxpayer {
            name
            ssnMasked
            address {
              ...PostalAddressFields
            }
          }
          affectedReturns {
            returnType
            mft
            taxPeriod
          }
          completedResearch
          requestedActions
          w2Findings
          originatorContact {
            name
            phone
            fax
          }
        }
        ... on Form4442Content {
          category
          tinMasked
          tinType
          taxPeriod
          inquiryMft: mft
          dln
          remarks
          taxpayerAuthenticated
          dateOfFirstCall
        }
        ... on Form3210Content {
          routing
          tinMasked
          tinType
          taxPeriod
          mft
          remarks
          additionalComments
          attachments {
            title
            documentType
            pageCount
          }
        }
      }
      historyCount
      history(first: 100) {
        id
        at
        action
        fromState
        toState
        note
        actor {
          name
        }
      }
    }
  }
`);

export type PageReferral = ReferralPageQuery['referral'];

function Clocks({ referral, timeZone }: { referral: PageReferral; timeZone: string }) {
  const clocks = [
    { kind: 'REVIEW', label: 'Review', dueAt: referral.reviewDueAt, overdue: referral.reviewOverdue },
    { kind: 'ACKNOWLEDGMENT', label: 'Acknowledgment', dueAt: referral.ackDueAt, overdue: referral.ackOverdue },
    { kind: 'COMPLETION', label: 'Completion', dueAt: referral.completionDueAt, overdue: referral.completionOverdue },
  ].filter((c) => c.dueAt);
  // A 3210 has no time frame (IRM 25.25.6.2.3(2)): "No clock is running" says it, without a table of headings only.
  if (clocks.length === 0) return null;
  return (
    <table className="usa-table usa-table--borderless">
      <caption>Clocks (times in {timeZone})</caption>
      <thead>
        <tr>
          <th scope="col">Clock</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {clocks.map((c) => (
          <tr key={c.kind}>
            <th scope="row">{c.label}</th>
            <td>{formatInstant(c.dueAt, timeZone)}</td>
            <td>
              {c.overdue && <span className="usa-tag bg-secondary-dark">Overdue</span>}
              {referral.currentClock === c.kind && (
                <span>
                  {' '}
                  Running: <Countdown seconds={referral.secondsRemaining} />
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Timeline({ referral, timeZone }: { referral: PageReferral; timeZone: string }) {
  return (
    <ol className="hub-timeline">
      {referral.history.map((h) => (
        <li key={h.id}>
          <p className="margin-0 text-bold">
            {humanize(h.action)}
            {h.fromState && h.fromState !== h.toState ? `: ${humanize(h.fromState)} → ${humanize(h.toState)}` : ''}
          </p>
          <p className="margin-0">
            {formatInstant(h.at, timeZone)} · {h.actor?.name ?? 'the hub'}
          </p>
          {h.note && <p className="margin-0">“{h.note}”</p>}
        </li>
      ))}
    </ol>
  );
}

export function ReferralPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: ReferralPageDocument, variables: { id } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const referral = data?.referral;
  usePageTitle(referral ? `Referral ${referral.referenceNumber}` : 'Referral');
  if (error && !referral) return <ApiErrorAlert error={error} />;
  if (!referral) return <p>Loading…</p>;
  const zone = me.function.timeZone;
  return (
    <>
      <h1>
        Referral {referral.referenceNumber} <span className="usa-tag">{humanize(referral.state)}</span>
      </h1>
      <p>
        {FORM_NAMES[referral.form]}
        {referral.category ? ` (${referral.category.name})` : ''} from {referral.originatingFunction.name} ({referral.originator.name}) to{' '}
        {referral.receivingFunction.name}
        {referral.assignee ? `, assigned to ${referral.assignee.name}` : ''}.
        {referral.elevationLevel > 0 ? ` Elevated to level ${referral.elevationLevel}.` : ''}
        {referral.resolutionCode ? ` Ended with code ${referral.resolutionCode}.` : ''}
      </p>
      <div className="grid-row grid-gap">
        <section className="tablet:grid-col-7" aria-labelledby="clocks-heading">
          <h2 id="clocks-heading">Due</h2>
          {referral.nextDueAt ? (
            <p>
              Next: <strong>{humanize(referral.currentClock ?? '')}</strong> due {formatInstant(referral.nextDueAt, zone)}
              {referral.overdue ? <span className="hub-overdue"> (overdue)</span> : ''}
            </p>
          ) : (
            <p>No clock is running.</p>
          )}
          <Clocks referral={referral} timeZone={zone} />
          <ClockExplanations referral={referral} />
          <ReferralActions referral={referral} onReload={reload} />
          <h2>Content</h2>
          <ReferralContent content={referral.content} categoryName={referral.category?.name} />
          <FullTins referralId={referral.id} />
        </section>
        <section className="tablet:grid-col-5" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <Timeline referral={referral} timeZone={zone} />
          {referral.historyCount > referral.history.length && (
            <p>
              Showing the first {referral.history.length} of {referral.historyCount} entries.
            </p>
          )}
        </section>
      </div>
      <ReferralDocuments referral={referral} onReload={reload} />
    </>
  );
}
