import type { CustomsAuditCertification, CustomsRequestState, CustomsScreen } from '../../gql/graphql';

/** Where a Customs request stands, in words (26 CFR 301.6103(l)(14)-1). */
export const CUSTOMS_STATES: [CustomsRequestState, string][] = [
  ['RECEIVED', 'Received'],
  ['UNDER_REVIEW', 'Under review'],
  ['APPROVED', 'Approved, awaiting release'],
  ['PARTLY_APPROVED', 'Partly approved, awaiting release'],
  ['RELEASED', 'Released'],
  ['DENIED', 'Denied'],
  ['INCOMPLETE', 'Returned incomplete'],
];

export const stateName = (state: CustomsRequestState): string => CUSTOMS_STATES.find(([s]) => s === state)?.[1] ?? state;

/** The (b)(4) certification, as Customs states it. */
export const CERTIFICATIONS: [CustomsAuditCertification, string][] = [
  ['TAXPAYER_IS_AUDIT_SUBJECT', 'Customs has initiated or intends to initiate a section 509 audit of the taxpayer'],
  ['RELATIONSHIP_WITH_AUDIT_SUBJECT', 'The taxpayer has a transactional or ownership relationship with the subject of a section 509 audit'],
];

/** The screens of paragraphs (a), (c), (d), (e): what passing each means, and whether it is answered per item. */
export const SCREENS: { screen: CustomsScreen; label: string; perItem: boolean }[] = [
  { screen: 'A_CHAPTERS_1_AND_6_FOR_SECTION_509', label: '(a) Taxes of chapters 1 and 6, for a section 509 audit', perItem: false },
  { screen: 'E_NO_IMPAIRMENT', label: '(e) Identifies no informant, impairs no tax investigation', perItem: false },
  { screen: 'C_NECESSARY_FOR_ENTRY', label: '(c) Necessary to determine the correctness of an entry', perItem: true },
  { screen: 'D_NO_APA_OR_TREATY_BAR', label: '(d) No APA material, consistent with tax treaties', perItem: true },
];
