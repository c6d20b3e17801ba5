import { registerEnumType } from 'type-graphql';

/** What the caller may do with a referral's documents now (Referral.documentActions; rules in referral-document-rules.ts). */
export enum ReferralDocumentAction {
  ATTACH = 'ATTACH',
}

registerEnumType(ReferralDocumentAction, {
  name: 'ReferralDocumentAction',
  description: "What the caller may do now with a referral's documents as a whole (Referral.documentActions)",
  valuesConfig: {
    ATTACH: {
      description:
        'Attach a document (POST /documents/referral/{referralId}): any party to the referral while it is open, e.g. the signed ' +
        'return of a Form 3210 (IRM 25.25.6.2.3) or the envelope RIVO asks for',
    },
  },
});

/** What the caller may do with one of a referral's documents now (Document.custodyActions). */
export enum DocumentCustodyAction {
  FORWARD_TO_SUBMISSION_PROCESSING = 'FORWARD_TO_SUBMISSION_PROCESSING',
}

registerEnumType(DocumentCustodyAction, {
  name: 'DocumentCustodyAction',
  description: "A custody step the caller may take now with one of a referral's documents (Document.custodyActions)",
  valuesConfig: {
    FORWARD_TO_SUBMISSION_PROCESSING: {
      description:
        'forwardDocumentToSubmissionProcessing: the RIVO employee working a Form 3210 (its assignee, WORKING state) ' +
        'forwards the document, once, to Submission Processing (IRM 25.25.6.2.3(4))',
    },
  },
});
