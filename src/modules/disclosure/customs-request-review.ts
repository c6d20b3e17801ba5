import { ConflictError, InvalidInputError } from '../../platform/common/errors';
import { Caller } from '../org/caller';
import { Role } from '../org/role';
import { CustomsRequestAction, CustomsRequestParty } from './customs-request-lifecycle';
import { CustomsRequest, CustomsRequestItem, CustomsScreenAnswer } from './customs-request.entity';
import { CustomsItemDecision, CustomsScreen, ITEM_SCREENS, REQUEST_SCREENS, screenParagraph } from './customs-request-state';

/**
 * The rules of a Customs review beyond its state (26 CFR 301.6103(l)(14)-1 and the two-person rule): written once,
 * used by the service to refuse a step and by `availableActions` to list it.
 */

/** A disclosure officer; a second officer too when they took no part in the review (answered no screen, decided no item, did not conclude). */
export function customsPartiesOf(caller: Caller, request: CustomsRequest): Set<CustomsRequestParty> {
  const parties = new Set<CustomsRequestParty>();
  if (caller.hasRole(Role.DISCLOSURE_OFFICER)) {
    parties.add(CustomsRequestParty.DISCLOSURE_OFFICER);
    if (!reviewersOf(request).has(caller.id)) parties.add(CustomsRequestParty.SECOND_OFFICER);
  }
  return parties;
}

/** The officers who took part in the review: none of them may be the second officer. */
function reviewersOf(request: CustomsRequest): Set<string> {
  return new Set([
    ...request.screenAnswers.map((answer) => answer.answeredById),
    ...request.items.flatMap((item) => (item.decidedById ? [item.decidedById] : [])),
    ...(request.concludedById ? [request.concludedById] : []),
  ]);
}

export function itemOf(request: CustomsRequest, number: number): CustomsRequestItem {
  const item = request.items.find((candidate) => candidate.number === number);
  if (!item) throw InvalidInputError.single('itemNumber', `the request has items 1 to ${request.items.length}`);
  return item;
}

/** The latest answer to a screen (per item for (c) and (d)). */
function latestAnswer(request: CustomsRequest, screen: CustomsScreen, itemNumber: number | null): CustomsScreenAnswer | undefined {
  return request.screenAnswers.filter((answer) => answer.screen === screen && answer.itemNumber === itemNumber).at(-1);
}

/** The answers that count: the latest for each screen (and item), in the order they were given; earlier ones are in the history. */
export function currentScreenAnswers(request: CustomsRequest): CustomsScreenAnswer[] {
  return request.screenAnswers.filter((answer) => latestAnswer(request, answer.screen, answer.itemNumber) === answer);
}

/** Why the item may not be approved yet: each screen of (a), (c), (d), (e) not answered or not passed for it. */
export function unmetScreens(request: CustomsRequest, itemNumber: number): string[] {
  const screens: [CustomsScreen, number | null][] = [
    ...REQUEST_SCREENS.map((screen): [CustomsScreen, null] => [screen, null]),
    ...ITEM_SCREENS.map((screen): [CustomsScreen, number] => [screen, itemNumber]),
  ];
  return screens.flatMap(([screen, item]) => {
    const answer = latestAnswer(request, screen, item);
    const which = `${screenParagraph(screen)}${item === null ? '' : ` for item ${item}`}`;
    if (!answer) return [`item ${itemNumber} cannot be approved: screen ${which} is not answered`];
    return answer.passed ? [] : [`item ${itemNumber} cannot be approved: screen ${which} bars disclosure`];
  });
}

export type CustomsConclusion =
  CustomsRequestAction.CONCLUDE_APPROVED | CustomsRequestAction.CONCLUDE_PARTLY_APPROVED | CustomsRequestAction.CONCLUDE_DENIED;

const CONCLUSIONS: readonly CustomsRequestAction[] = [
  CustomsRequestAction.CONCLUDE_APPROVED,
  CustomsRequestAction.CONCLUDE_PARTLY_APPROVED,
  CustomsRequestAction.CONCLUDE_DENIED,
];

/**
 * How the review concludes by the item decisions (APPROVED, PARTLY_APPROVED or DENIED); refused (BAD_USER_INPUT) while
 * an item is undecided or an approved item no longer passes every screen.
 */
export function conclusionOf(request: CustomsRequest): { action: CustomsConclusion; approved: number[]; denied: number[] } {
  const undecided = request.items.filter((item) => item.decision === null).map((item) => item.number);
  if (undecided.length) throw InvalidInputError.single('requestId', `every item must be decided first; undecided: ${undecided.join(', ')}`);
  const numbersDecided = (decision: CustomsItemDecision) =>
    request.items.filter((item) => item.decision === decision).map((item) => item.number);
  const approved = numbersDecided(CustomsItemDecision.APPROVED);
  const unmet = approved.flatMap((number) => unmetScreens(request, number));
  if (unmet.length) throw new InvalidInputError(unmet.map((message) => ({ field: 'requestId', message })));
  const action =
    approved.length === request.items.length
      ? CustomsRequestAction.CONCLUDE_APPROVED
      : approved.length
        ? CustomsRequestAction.CONCLUDE_PARTLY_APPROVED
        : CustomsRequestAction.CONCLUDE_DENIED;
  return { action, approved, denied: numbersDecided(CustomsItemDecision.DENIED) };
}

/** The lifecycle's check beyond the state: a conclusion applies only when the decisions lead to it. */
export function checkCustomsAdmissible(action: CustomsRequestAction, request: CustomsRequest): void {
  if (!CONCLUSIONS.includes(action)) return;
  const concluded = conclusionOf(request).action;
  if (concluded !== action) throw new ConflictError(`The item decisions conclude the review as ${concluded}, not ${action}`, 'WRONG_STATE');
}
