import { EntityManager } from 'typeorm';
import { historyColumnsOf, LifecycleFact } from '../../platform/lifecycle/lifecycle-applier';
import { CustomsRequestAction } from './customs-request-lifecycle';
import { CustomsItemDecision, CustomsScreen } from './customs-request-state';
import { DisclosureHistoryEntry, DisclosureSubject } from './disclosure-history.entity';

type Concluded = { approvedItems: number[]; deniedItems: number[] };

/** The details each kind of Customs request history entry carries (never the TIN); null: none. */
export type CustomsRequestHistoryDetails = {
  [CustomsRequestAction.RECORD]: { letterReference: string; itemCount: number };
  [CustomsRequestAction.RETURN_INCOMPLETE]: null;
  [CustomsRequestAction.ANSWER_SCREEN]: { screen: CustomsScreen; itemNumber: number | null; passed: boolean };
  [CustomsRequestAction.DECIDE_ITEM]: { itemNumber: number; decision: CustomsItemDecision };
  [CustomsRequestAction.CONCLUDE_APPROVED]: Concluded;
  [CustomsRequestAction.CONCLUDE_PARTLY_APPROVED]: Concluded;
  [CustomsRequestAction.CONCLUDE_DENIED]: Concluded;
  [CustomsRequestAction.RETURN_TO_REVIEW]: null;
  [CustomsRequestAction.RELEASE]: { itemNumbers: number[]; recipientTitles: string[] };
};

/** The history writer of a lifecycle applier over disclosure items of one subject type (append-only: the database refuses changes). */
export function recordDisclosureHistory(subjectType: DisclosureSubject) {
  return async <S, Act, E extends { id: string }, Details, Before>(
    manager: EntityManager,
    fact: LifecycleFact<S, Act, E, Details, Before>,
  ): Promise<void> => {
    const { action, details, fromState, toState, actorId, at, note } = historyColumnsOf(fact);
    await manager.save(
      manager.create(DisclosureHistoryEntry, {
        subjectType,
        subjectId: fact.item.id,
        action: action as string,
        details: details as Record<string, unknown> | null,
        fromState: fromState as string | null,
        toState: toState as string,
        actorId: actorId!,
        at,
        note,
      }),
    );
  };
}
