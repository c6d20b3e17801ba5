import { registerEnumType } from 'type-graphql';
import { defineLifecycle, LifecycleRule, lifecycleMarkdownTable } from '../../platform/lifecycle/lifecycle-table';
import { ACCESS_POLICY } from '../auth/access-policy';
import { CUSTOMS_DOCUMENT_ATTACHED } from './customs-request-document-kind';
import { CustomsRequestState } from './customs-request-state';
import { DisclosureNoticeKind } from './disclosure-notice-kinds';

/** The values are the actions as the Customs request history records them. */
export enum CustomsRequestAction {
  RECORD = 'RECORDED',
  RETURN_INCOMPLETE = 'RETURNED_INCOMPLETE',
  ANSWER_SCREEN = 'SCREEN_ANSWERED',
  DECIDE_ITEM = 'ITEM_DECIDED',
  CONCLUDE_APPROVED = 'APPROVED',
  CONCLUDE_PARTLY_APPROVED = 'PARTLY_APPROVED',
  CONCLUDE_DENIED = 'DENIED',
  RETURN_TO_REVIEW = 'RETURNED_TO_REVIEW',
  RELEASE = 'RELEASED',
}

/** What `CustomsRequest.availableActions` lists: the table's actions and attaching a document (outside the table: it changes no state). */
export const CustomsRequestOffer = { ...CustomsRequestAction, ATTACH_DOCUMENT: CUSTOMS_DOCUMENT_ATTACHED } as const;
export type CustomsRequestOffer = (typeof CustomsRequestOffer)[keyof typeof CustomsRequestOffer];

const TWO_PERSON = 'only a disclosure officer who answered no screen, decided no item and did not conclude the review (two-person rule)';

registerEnumType(CustomsRequestOffer, {
  name: 'CustomsRequestAction',
  description:
    'What can be done with a written Customs request (IRC 6103(l)(14), 26 CFR 301.6103(l)(14)-1); CustomsRequest.availableActions lists those open to the caller now',
  valuesConfig: {
    RECORD: {
      description: 'Disclosure officer: record a complete written request (recordCustomsRequest, paragraph (b)); never listed on a request',
    },
    RETURN_INCOMPLETE: {
      description:
        'Disclosure officer, while received or under review: an element of paragraph (b) is inadequate (returnCustomsRequestIncomplete)',
    },
    ANSWER_SCREEN: {
      description:
        'Disclosure officer, while received or under review: answer a screen of paragraphs (a), (c), (d), (e) with why (answerCustomsScreen)',
    },
    DECIDE_ITEM: {
      description:
        'Disclosure officer, under review: approve an item (only once (a), (e) and its (c), (d) passed) or deny it with a reason (decideCustomsItem)',
    },
    CONCLUDE_APPROVED: {
      description:
        'Disclosure officer, under review: every item is approved and passes every screen; concluding makes it APPROVED (concludeCustomsReview)',
    },
    CONCLUDE_PARTLY_APPROVED: {
      description:
        'Disclosure officer, under review: every item is decided, some approved (each passing every screen); concluding makes it PARTLY_APPROVED (concludeCustomsReview)',
    },
    CONCLUDE_DENIED: {
      description: 'Disclosure officer, under review: every item is denied; concluding makes it DENIED (concludeCustomsReview)',
    },
    RETURN_TO_REVIEW: { description: `Approved or partly approved: send it back to review with why (returnCustomsReview); ${TWO_PERSON}` },
    RELEASE: {
      description: `Approved or partly approved: release the approved items under paragraphs (f)–(j) (releaseCustomsDisclosure); ${TWO_PERSON}`,
    },
    ATTACH_DOCUMENT: {
      description:
        'Disclosure officer, in any state: attach the written request or later correspondence (POST /documents/customs-request/{requestId}, paragraph (b))',
    },
  },
});

export enum CustomsRequestParty {
  DISCLOSURE_OFFICER = 'DISCLOSURE_OFFICER',
  /** A disclosure officer who neither decided an item nor concluded the review (the two-person rule). */
  SECOND_OFFICER = 'SECOND_OFFICER',
  /** Every disclosure officer (told, never acting as such). */
  DISCLOSURE_OFFICERS = 'DISCLOSURE_OFFICERS',
}

export interface CustomsRequestTransition extends LifecycleRule<
  CustomsRequestState,
  CustomsRequestParty,
  never,
  DisclosureNoticeKind,
  CustomsRequestParty
> {
  mutation: string;
}

const REG = '26 CFR 301.6103(l)(14)-1';
const { RECEIVED, INCOMPLETE, UNDER_REVIEW, PARTLY_APPROVED, APPROVED, RELEASED, DENIED } = CustomsRequestState;
const { DISCLOSURE_OFFICER, SECOND_OFFICER, DISCLOSURE_OFFICERS } = CustomsRequestParty;

const TRANSITIONS: Readonly<Record<CustomsRequestAction, CustomsRequestTransition>> = {
  [CustomsRequestAction.RECORD]: {
    mutation: 'recordCustomsRequest',
    from: null,
    to: RECEIVED,
    by: [DISCLOSURE_OFFICER],
    notify: { kind: 'CUSTOMS_REQUEST_RECEIVED', to: [DISCLOSURE_OFFICERS] },
    source: `${REG}(b): disclosure only after a written request by the Commissioner of Customs naming every element of (b)(1)–(4)`,
  },
  [CustomsRequestAction.RETURN_INCOMPLETE]: {
    mutation: 'returnCustomsRequestIncomplete',
    from: [RECEIVED, UNDER_REVIEW],
    to: INCOMPLETE,
    by: [DISCLOSURE_OFFICER],
    reason: true,
    notify: null,
    source: `${REG}(b): an element present but inadequate (e.g. no explanation of how an item is necessary); Customs sends a new written request`,
  },
  [CustomsRequestAction.ANSWER_SCREEN]: {
    mutation: 'answerCustomsScreen',
    from: [RECEIVED, UNDER_REVIEW],
    to: UNDER_REVIEW,
    by: [DISCLOSURE_OFFICER],
    reason: true,
    notify: null,
    source: `${REG}(a), (c), (d), (e): each screen answered with who and why before any item is approved`,
  },
  [CustomsRequestAction.DECIDE_ITEM]: {
    mutation: 'decideCustomsItem',
    from: [UNDER_REVIEW],
    to: null,
    by: [DISCLOSURE_OFFICER],
    notify: null,
    source: `${REG}(a), (c)–(e): approve an item only when every screen passed for it; a denial says why (internal)`,
  },
  [CustomsRequestAction.CONCLUDE_APPROVED]: {
    mutation: 'concludeCustomsReview',
    from: [UNDER_REVIEW],
    to: APPROVED,
    by: [DISCLOSURE_OFFICER],
    notify: { kind: 'CUSTOMS_RELEASE_AWAITED', to: [DISCLOSURE_OFFICERS] },
    source: 'Hub rule: every item approved; a second disclosure officer must release (two-person rule)',
  },
  [CustomsRequestAction.CONCLUDE_PARTLY_APPROVED]: {
    mutation: 'concludeCustomsReview',
    from: [UNDER_REVIEW],
    to: PARTLY_APPROVED,
    by: [DISCLOSURE_OFFICER],
    notify: { kind: 'CUSTOMS_RELEASE_AWAITED', to: [DISCLOSURE_OFFICERS] },
    source: 'Hub rule: some items approved, the others denied; a second disclosure officer must release (two-person rule)',
  },
  [CustomsRequestAction.CONCLUDE_DENIED]: {
    mutation: 'concludeCustomsReview',
    from: [UNDER_REVIEW],
    to: DENIED,
    by: [DISCLOSURE_OFFICER],
    notify: null,
    source: `${REG}(a), (c)–(e): every item denied; nothing is disclosed`,
  },
  [CustomsRequestAction.RETURN_TO_REVIEW]: {
    mutation: 'returnCustomsReview',
    from: [PARTLY_APPROVED, APPROVED],
    to: UNDER_REVIEW,
    by: [SECOND_OFFICER],
    reason: true,
    notify: { kind: 'CUSTOMS_REVIEW_RETURNED', to: [DISCLOSURE_OFFICERS] },
    source: 'Hub rule (two-person rule): the second officer does not agree and returns the review',
  },
  [CustomsRequestAction.RELEASE]: {
    mutation: 'releaseCustomsDisclosure',
    from: [PARTLY_APPROVED, APPROVED],
    to: RELEASED,
    by: [SECOND_OFFICER],
    notify: { kind: 'CUSTOMS_REQUEST_RELEASED', to: [DISCLOSURE_OFFICERS] },
    source: `IRC 6103(l)(14), ${REG}(f)–(j): the approved items, to the officers designated by title, under the stated use restrictions`,
  },
};

/** The Customs request lifecycle as data, checked when this module loads: the applier runs it, the README prints it. */
export const CUSTOMS_REQUEST_LIFECYCLE = defineLifecycle(
  {
    subject: 'Customs request',
    states: Object.values(CustomsRequestState),
    terminal: [INCOMPLETE, RELEASED, DENIED],
    rules: TRANSITIONS,
  },
  (operation) => operation in ACCESS_POLICY,
);

/** The Customs request lifecycle as the Markdown table printed in the README (a test keeps the README in step). */
export function customsRequestLifecycleMarkdownTable(): string {
  return lifecycleMarkdownTable(CUSTOMS_REQUEST_LIFECYCLE);
}
