import { registerEnumType } from 'type-graphql';

/** Where a written Customs request stands (26 CFR 301.6103(l)(14)-1). */
export enum CustomsRequestState {
  RECEIVED = 'RECEIVED',
  INCOMPLETE = 'INCOMPLETE',
  UNDER_REVIEW = 'UNDER_REVIEW',
  PARTLY_APPROVED = 'PARTLY_APPROVED',
  APPROVED = 'APPROVED',
  RELEASED = 'RELEASED',
  DENIED = 'DENIED',
}

registerEnumType(CustomsRequestState, {
  name: 'CustomsRequestState',
  description: 'Where a written Customs request for return information stands (26 CFR 301.6103(l)(14)-1)',
  valuesConfig: {
    RECEIVED: { description: 'Recorded with every element of paragraph (b); no screen answered yet' },
    INCOMPLETE: { description: 'Returned to Customs: an element of paragraph (b) is inadequate; Customs must send a new written request' },
    UNDER_REVIEW: { description: 'A disclosure officer is answering the screens of paragraphs (a), (c), (d), (e) and deciding each item' },
    PARTLY_APPROVED: { description: 'Some items approved, others denied; waits for a second disclosure officer to release' },
    APPROVED: { description: 'Every item approved; waits for a second disclosure officer to release' },
    RELEASED: { description: 'A second disclosure officer released the approved items; the release letter and the accounting exist' },
    DENIED: { description: 'No item may be disclosed' },
  },
});

/** The screens of 26 CFR 301.6103(l)(14)-1 an officer answers before any item is approved. */
export enum CustomsScreen {
  /** (a): taxes imposed by chapters 1 and 6 of the IRC, for a section 509 audit or the recovery it leads to. */
  A_CHAPTERS_1_AND_6_FOR_SECTION_509 = 'A_CHAPTERS_1_AND_6_FOR_SECTION_509',
  /** (c): the item is necessary to a Customs determination of the correctness of an entry (per item). */
  C_NECESSARY_FOR_ENTRY = 'C_NECESSARY_FOR_ENTRY',
  /** (d): the item is no APA material and its disclosure is consistent with every tax treaty (per item). */
  D_NO_APA_OR_TREATY_BAR = 'D_NO_APA_OR_TREATY_BAR',
  /** (e): disclosure identifies no confidential informant and seriously impairs no tax investigation. */
  E_NO_IMPAIRMENT = 'E_NO_IMPAIRMENT',
}

registerEnumType(CustomsScreen, {
  name: 'CustomsScreen',
  description: 'A screen of 26 CFR 301.6103(l)(14)-1 answered (with who and why) before any item is approved',
  valuesConfig: {
    A_CHAPTERS_1_AND_6_FOR_SECTION_509: {
      description:
        '(a): the information concerns taxes imposed by chapters 1 and 6 of the IRC and serves a section 509 (Tariff Act of 1930) audit or the recovery it leads to; for the whole request',
    },
    C_NECESSARY_FOR_ENTRY: {
      description:
        '(c): the item is necessary to a Customs determination of the correctness of an entry and relates to the declared value, classification or rate of duty of entered merchandise (or an IRS adjustment to those); per item',
    },
    D_NO_APA_OR_TREATY_BAR: {
      description:
        '(d): the item is no Advance Pricing Agreement nor anything submitted or generated in its negotiation, and its disclosure is consistent with every tax treaty and executive agreement; per item',
    },
    E_NO_IMPAIRMENT: {
      description:
        '(e): disclosure would identify no confidential informant and seriously impair no civil or criminal tax investigation or proceeding; for the whole request (a refusal and its reason stay internal)',
    },
  },
});

/** Screens answered for the whole request; the others are answered per item. */
export const REQUEST_SCREENS: readonly CustomsScreen[] = [CustomsScreen.A_CHAPTERS_1_AND_6_FOR_SECTION_509, CustomsScreen.E_NO_IMPAIRMENT];
export const ITEM_SCREENS: readonly CustomsScreen[] = [CustomsScreen.C_NECESSARY_FOR_ENTRY, CustomsScreen.D_NO_APA_OR_TREATY_BAR];

/** The paragraph a screen comes from, for messages ("(c)"). */
export const screenParagraph = (screen: CustomsScreen): string => `(${screen[0].toLowerCase()})`;

/** What Customs certifies under paragraph (b)(4) about the section 509 audit. */
export enum CustomsAuditCertification {
  TAXPAYER_IS_AUDIT_SUBJECT = 'TAXPAYER_IS_AUDIT_SUBJECT',
  RELATIONSHIP_WITH_AUDIT_SUBJECT = 'RELATIONSHIP_WITH_AUDIT_SUBJECT',
}

registerEnumType(CustomsAuditCertification, {
  name: 'CustomsAuditCertification',
  description: 'The certification paragraph (b)(4) of 26 CFR 301.6103(l)(14)-1 requires of the Customs request',
  valuesConfig: {
    TAXPAYER_IS_AUDIT_SUBJECT: {
      description: 'Customs has initiated or intends to initiate an audit of the taxpayer under section 509 of the Tariff Act of 1930',
    },
    RELATIONSHIP_WITH_AUDIT_SUBJECT: {
      description: 'The taxpayer has a transactional or ownership relationship with the subject of such an audit',
    },
  },
});

/** A disclosure officer's decision on one requested item. */
export enum CustomsItemDecision {
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
}

registerEnumType(CustomsItemDecision, {
  name: 'CustomsItemDecision',
  description: "A disclosure officer's decision on one requested item of return information",
  valuesConfig: {
    APPROVED: { description: 'May be disclosed: every screen passed for it' },
    DENIED: { description: 'Will not be disclosed (the reason stays internal)' },
  },
});

/** The authority of every Customs release. */
export const CUSTOMS_AUTHORITY = 'IRC 6103(l)(14); 26 CFR 301.6103(l)(14)-1';

/** The use restrictions of paragraphs (f)–(j) as the release letter states them to Customs. */
export const CUSTOMS_USE_RESTRICTIONS: readonly string[] = [
  '(f) Customs may use this information only to the extent necessary to ascertain or document the correctness of an entry in the section 509 audit for which it was requested, and in related administrative proceedings to recover a loss of revenue or collect duties, taxes or fees due under that audit (including, where necessary, disclosure to the importer subject to the audit or its legal representative).',
  '(g) Customs may disclose it to officers and employees of the Department of Justice (including United States attorneys) only when they are personally and directly engaged in, and solely for their necessary use in, a civil judicial proceeding (or its preparation or an investigation that may lead to one) advocating or defending Customs determinations on the entry.',
  '(h) The Department of Justice may disclose it onward only as necessary for those purposes, and to anyone other than the importer or its legal representative only if the purpose cannot otherwise properly be accomplished.',
  '(i) It may not be used in any criminal judicial proceeding, its preparation, or a criminal investigation that may lead to one, without compliance with IRC 6103(i)(1) or (2).',
  '(j) It may not be used or disclosed for any other purpose, nor disclosed to any person, including any contractor of Customs, except as 26 CFR 301.6103(l)(14)-1 or IRC 6103 provides.',
];
