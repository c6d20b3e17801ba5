import { Role } from '../../src/modules/org/role';
import { Services } from '../../src/app/services';
import { TestHub, dataOf } from './hub';

/** A disclosure office: three disclosure officers (two-person rule), an auditor, an admin, and someone with no part in disclosure. */
export async function createDisclosureOffice(services: Services) {
  const { org } = services;
  const office = await org.createFunction({ code: 'DISC', name: 'Disclosure Office', timeZone: 'America/New_York' });
  const person = (email: string, roles: Role[]) => org.createEmployee({ email, name: email.split('@')[0], functionId: office.id, roles });
  return {
    office,
    first: await person('disclosure.first@example.gov', [Role.DISCLOSURE_OFFICER]),
    second: await person('disclosure.second@example.gov', [Role.DISCLOSURE_OFFICER]),
    third: await person('disclosure.third@example.gov', [Role.DISCLOSURE_OFFICER]),
    auditor: await person('disclosure.auditor@example.gov', [Role.AUDITOR]),
    admin: await person('disclosure.admin@example.gov', [Role.ADMIN]),
    clerk: await person('disclosure.clerk@example.gov', [Role.FUNCTIONAL_EMPLOYEE]),
  };
}

export type DisclosureOffice = Awaited<ReturnType<typeof createDisclosureOffice>>;

/** The importer's EIN in the example request (the README's example too). */
export const IMPORTER_EIN = '52-1234567';

/** A complete written request (26 CFR 301.6103(l)(14)-1(b)): two items, recipients by title, the section 509 certification. */
export const CUSTOMS_LETTER = {
  letterReference: 'CBP-RA-2026-0417',
  receivedOn: '2026-11-16',
  taxpayerName: 'Lakeshore Imports Inc.',
  tin: IMPORTER_EIN,
  tinType: 'EIN',
  items: [
    {
      description: 'Form 1120 Schedule A cost of goods sold, purchases from related foreign suppliers',
      taxPeriod: '2024',
      purpose: 'Verify the declared transaction value of entered merchandise in the section 509 audit',
      necessity: 'The related-party purchase prices reported to the IRS show whether the declared values are correct',
    },
    {
      description: 'Form 5472 reportable transactions with the foreign parent',
      taxPeriod: '2024',
      purpose: 'Identify assists and royalties omitted from the declared value',
      necessity: 'Payments reported to the IRS reveal dutiable additions not declared to Customs',
    },
  ],
  recipientTitles: ['Regulatory Audit Supervisory Auditor', 'Regulatory Audit Field Director'],
  auditCertification: 'TAXPAYER_IS_AUDIT_SUBJECT',
};

export const CUSTOMS_REQUEST_FIELDS = `id referenceNumber state version letterReference receivedOn taxpayerName tinMasked tinType
  items { number description taxPeriod decision decisionReason decidedById }
  recipientTitles auditCertification screenAnswers { screen itemNumber passed reason answeredById }
  concludedById release { itemNumbers recipientTitles releasedAt authority useRestrictions releasedById }`;

const INPUTS: Record<string, string> = {
  recordCustomsRequest: 'RecordCustomsRequestInput',
  returnCustomsRequestIncomplete: 'CustomsRequestReasonInput',
  answerCustomsScreen: 'AnswerCustomsScreenInput',
  decideCustomsItem: 'DecideCustomsItemInput',
  concludeCustomsReview: 'CustomsRequestStepInput',
  returnCustomsReview: 'CustomsRequestReasonInput',
  releaseCustomsDisclosure: 'CustomsRequestStepInput',
};

export function customsMutation(name: string): string {
  return `mutation($input: ${INPUTS[name]}!) { ${name}(input: $input) { ${CUSTOMS_REQUEST_FIELDS} } }`;
}

/** Runs a Customs request mutation that must succeed and returns the request. */
export async function customs(hub: TestHub, as: string, name: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  return dataOf(await hub.request(as, customsMutation(name), { input }))[name];
}

/** Every screen passed for the whole request and for each item, by the given officer. */
export async function passEveryScreen(hub: TestHub, as: string, requestId: string, itemNumbers: number[]): Promise<void> {
  const answer = (screen: string, itemNumber: number | null) =>
    customs(hub, as, 'answerCustomsScreen', { requestId, screen, itemNumber, passed: true, reason: `Checked ${screen}` });
  await answer('A_CHAPTERS_1_AND_6_FOR_SECTION_509', null);
  await answer('E_NO_IMPAIRMENT', null);
  for (const item of itemNumbers) {
    await answer('C_NECESSARY_FOR_ENTRY', item);
    await answer('D_NO_APA_OR_TREATY_BAR', item);
  }
}
