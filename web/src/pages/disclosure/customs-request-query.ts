import { graphql } from '../../gql';
import type { CustomsRequestPageQuery } from '../../gql/graphql';

export const CustomsRequestPageDocument = graphql(`
  query CustomsRequestPage($id: UUID!) {
    customsRequest(id: $id) {
      id
      referenceNumber
      letterReference
      receivedOn
      taxpayerName
      tinMasked
      tinType
      state
      version
      recipientTitles
      auditCertification
      recordedById
      concludedById
      items {
        number
        description
        taxPeriod
        purpose
        necessity
        decision
        decisionReason
        decidedById
        decidedAt
      }
      screenAnswers {
        screen
        itemNumber
        passed
        reason
        answeredById
        answeredAt
      }
      release {
        itemNumbers
        recipientTitles
        releasedAt
        releasedById
        authority
        useRestrictions
      }
      documents(first: 50) {
        id
        name
        mediaType
        size
        uploadedAt
        downloadPath
        uploadedBy {
          name
        }
      }
    }
    customsRequestHistory(requestId: $id, first: 100) {
      ...DisclosureStepFields
    }
  }
`);

export type PageCustomsRequest = CustomsRequestPageQuery['customsRequest'];
export type CustomsHistory = CustomsRequestPageQuery['customsRequestHistory'];

/** Steps that make an officer part of the review (the two-person rule: they may then not release nor return it). */
const REVIEW_STEPS = new Set(['SCREEN_ANSWERED', 'ITEM_DECIDED', 'APPROVED', 'PARTLY_APPROVED', 'DENIED']);

export function reviewedBy(history: CustomsHistory, employeeId: string): boolean {
  return history.some((h) => h.actorId === employeeId && REVIEW_STEPS.has(h.action));
}
