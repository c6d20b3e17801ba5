/** Valid form contents (the same as the test fixtures): what the filing load and the data set carry. */

export const SAMPLE_14566 = {
  business: { name: 'Acme Widgets LLC', address: { line1: '100 Main St', city: 'Washington', state: 'DC', zip: '20001' }, ein: '12-3456789' },
  taxpayer: { name: 'Jane Q. Owner', address: { line1: '5 Elm Rd', city: 'Ogden', state: 'UT', zip: '84201' }, ssn: '123-45-6789' },
  affectedReturns: [{ returnType: '941', mft: '01', taxPeriod: '202603' }],
  completedResearch: ['BMFOL: no prior filings', 'NAMEE: EIN assigned 2025'],
  requestedActions: 'Confirm whether the EIN was used to file fraudulent returns and add it to the scheme list.',
  originatorContact: { name: 'Pat Examiner', phone: '202-555-0143', fax: '202-555-0199' },
  purpose: 'EF_SCHEME_CHECK',
};

export const SAMPLE_4442 = {
  category: 'RICS RIVO - MFT Reversal',
  tin: '123-45-6789',
  tinType: 'SSN',
  taxPeriod: '202512',
  mft: '30',
  remarks: 'Taxpayer authenticated; MFT 32 reversal still unresolved 60 days after the call.',
  taxpayerAuthenticated: true,
};

export const SAMPLE_3210 = {
  routing: 'RIVO, Stop 6579 AUSC',
  tin: '123-45-6789',
  tinType: 'SSN',
  taxPeriod: '202512',
  mft: '32',
  remarks: 'TP has been authenticated during a face to face meeting with the Revenue Officer',
  additionalComments: "A return is on MFT 32 due to the TPP process and may be the TP's valid return. TP's valid signed return attached.",
  attachments: [{ title: 'Signed Form 1040', documentType: 'Form 1040', pageCount: 2 }],
};

export const FILE_REFERRAL = `mutation File($input: FileReferralInput!) { fileReferral(input: $input) { id referenceNumber state reviewDueAt } }`;

/** A work-queue screen: what a liaison sees and may do. */
export function workQueueQuery(first: number): string {
  return `{ myWorkQueue(first: ${first}) { id referenceNumber form state currentClock nextDueAt secondsRemaining overdue availableActions
    originator { name } assignee { name } originatingFunction { code } receivingFunction { code } } }`;
}

/** The referral list screen (the statement-count test of test/referrals uses the same shape). */
export function referralListQuery(first: number): string {
  return `{ referrals(first: ${first}) { edges { cursor node { id referenceNumber form state nextDueAt overdue historyCount
    originator { email } assignee { email } originatingFunction { code } receivingFunction { code } category { code } } }
    pageInfo { hasNextPage endCursor } } }`;
}

export function overdueQuery(first: number): string {
  return `{ overdueReferrals(first: ${first}) { id referenceNumber currentClock nextDueAt secondsRemaining
    originator { name } assignee { name } receivingFunction { code } } }`;
}

export const REFERRAL_DETAIL = `query($id: ID!) { referral(id: $id) { id referenceNumber state availableActions elevationHolders { name }
  originator { name } assignee { name } originatingFunction { code } receivingFunction { code } category { code }
  history { action at fromState toState note actor { name } } } }`;
