import { graphql } from '../../documents';
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
      availableActions
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
