/** Valid form contents: the test fixtures' own, so the filing load and the data set carry what the tests validate. */
export { VALID_14566 as SAMPLE_14566, VALID_3210 as SAMPLE_3210, VALID_4442 as SAMPLE_4442 } from '../../test/support/org-fixture';

export const FILE_REFERRAL = `mutation File($input: FileReferralInput!) { fileReferral(input: $input) { id referenceNumber state reviewDueAt } }`;

/** A work-queue screen: what a liaison sees and may do. */
export function workQueueQuery(first: number): string {
  return `{ myWorkQueue(first: ${first}) { nodes { id referenceNumber form state currentClock nextDueAt secondsRemaining overdue availableActions
    originator { name } assignee { name } originatingFunction { code } receivingFunction { code } } } }`;
}

/** The referral list screen (the statement-count test of test/referrals uses the same shape). */
export function referralListQuery(first: number): string {
  return `{ referrals(first: ${first}) { edges { cursor node { id referenceNumber form state nextDueAt overdue historyCount
    originator { email } assignee { email } originatingFunction { code } receivingFunction { code } category { code } } }
    pageInfo { hasNextPage endCursor } } }`;
}

export function overdueQuery(first: number): string {
  return `{ overdueReferrals(first: ${first}) { nodes { id referenceNumber currentClock nextDueAt secondsRemaining
    originator { name } assignee { name } receivingFunction { code } } } }`;
}

export const REFERRAL_DETAIL = `query($id: UUID!) { referral(id: $id) { id referenceNumber state availableActions elevationHolders { name }
  originator { name } assignee { name } originatingFunction { code } receivingFunction { code } category { code }
  history { action at fromState toState note actor { name } } } }`;
