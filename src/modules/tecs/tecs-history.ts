import { publishLive } from '../../platform/live/live-updates';
import { TECS_LIVE_TOPICS } from './tecs-live';
import { EntityManager } from 'typeorm';
import { ClosureChangeKind } from '../../platform/calendar/closure.entity';
import { historyInsertSql, HistorySelectColumns } from '../../platform/database/history-insert-sql';
import { historyColumnsOf, LifecycleFact } from '../../platform/lifecycle/lifecycle-applier';
import { TecsHistoryEntry, TecsSubject } from './tecs-history.entity';
import { InvestigationOutcome, LookoutDisposition } from './tecs-state';

type Assignment = { groupManagerId: string; revenueOfficerId: string };
type DueMoved = {
  previousDueAt: string;
  dueAt: string;
  closureId: string;
  closureChange: ClosureChangeKind;
  previousEscalationLevel: number;
};

/** The details each kind of TECS history entry carries, by subject and action (never more than the case needs); null: none. */
type TecsHistoryDetails = {
  [TecsSubject.LOOKOUT]: {
    REQUEST: null;
    APPROVE: null;
    RETURN_TO_RO: null;
    RESUBMIT: null;
    ACCEPT: null;
    DECLINE: null;
    CONFIRM_ENTRY: { tecsRecordReference: string };
    REQUEST_REMOVAL: null;
    FORWARD_REMOVAL: null;
    CONFIRM_REMOVAL: null;
    CONFIRM_REMAINS: null;
  };
  [TecsSubject.CROSSING]: {
    REPORTED: { lookoutId: string | null; flagged: boolean; timeCritical: boolean };
    OI_OPENED: { investigationId: string };
    DISMISSED: null;
  };
  [TecsSubject.INVESTIGATION]: {
    ISSUED: { issuedTo: string[] };
    REISSUED: { from: Assignment; to: Assignment };
    CLOSED: { outcomes: InvestigationOutcome[]; lookoutDisposition: LookoutDisposition };
    SLA_BREACH: { fromLevel: number; toLevel: number };
    SLA_ESCALATION: { fromLevel: number; toLevel: number };
    /** Both written set-based by the closure re-timing (investigation-closure-retiming.ts) with exactly these keys. */
    DUE_MOVED_BY_CLOSURE: DueMoved;
    SLA_BREACH_WITHDRAWN: DueMoved;
  };
  [TecsSubject.CASE]: {
    /** The crossing's facts copied into the case history when an OI is opened (seed 000, coordinator note). */
    LOOKOUT_INFORMATION: {
      investigation: string;
      crossing: string;
      placeOfCrossing: string;
      crossedAt: string;
      usEmployer: string | null;
      usAddress: string | null;
      phone: string | null;
      stayingAt: string | null;
      plannedDepartureAt: string | null;
      nextDestination: string | null;
    };
    CASE_CREATED_FROM_ARCHIVE: { archivedCase: string };
  };
};

/** The actions recorded for each kind of subject, with the details of each. */
export type TecsHistoryDetailsOf<T extends TecsSubject> = TecsHistoryDetails[T];

/** One entry kind per subject type and action. */
export type TecsHistoryKind = {
  [T in TecsSubject]: {
    [A in keyof TecsHistoryDetails[T]]: { subjectType: T; action: A; details: TecsHistoryDetails[T][A] };
  }[keyof TecsHistoryDetails[T]];
}[TecsSubject];

export type TecsHistoryFact = TecsHistoryKind & {
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  /** null when DHS (the machine client) or the hub acted. */
  actorId: string | null;
  at: Date;
  note?: string | null;
};

/** The history writer of a lifecycle applier over TECS items of one subject type. */
export function recordTecsHistory<S, Act, E extends { id: string }, Details, Before>(subjectType: TecsSubject) {
  return (manager: EntityManager, fact: LifecycleFact<S, Act, E, Details, Before>) =>
    appendTecsHistory(manager, { subjectType, subjectId: fact.item.id, ...historyColumnsOf(fact) } as TecsHistoryFact);
}

/** Appends to the TECS history (append-only; the database refuses changes). */
export async function appendTecsHistory(manager: EntityManager, ...facts: TecsHistoryFact[]): Promise<void> {
  await manager.save(
    TecsHistoryEntry,
    facts.map((f) =>
      manager.create(TecsHistoryEntry, { ...f, fromState: f.fromState ?? null, toState: f.toState ?? null, note: f.note ?? null }),
    ),
  );
  // Every change of a crossing or lookout writes history: announced here to the console's live subscribers.
  for (const [subject, topic] of Object.entries(TECS_LIVE_TOPICS)) {
    await publishLive(
      manager,
      topic,
      facts.filter((f) => f.subjectType === subject).map((f) => f.subjectId),
    );
  }
}

/**
 * The set-based variant for statements that derive entries from many rows at once (the OI closure re-timing's CTE):
 * `INSERT … SELECT` with the columns and details keys the writer owns; `A` names the entry kinds the rows may be.
 */
export function tecsHistoryInsertSql<T extends TecsSubject, A extends keyof TecsHistoryDetails[T]>(
  subject: { subjectType: string; subjectId: string },
  select: HistorySelectColumns<TecsHistoryDetails[T][A]>,
): string {
  return historyInsertSql('tecs_history', subject, select);
}
