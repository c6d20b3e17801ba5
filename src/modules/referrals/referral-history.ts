import { publishLive } from '../../platform/live/live-updates';
import { REFERRAL_LIVE_TOPIC } from './referral-live';
import { EntityManager } from 'typeorm';
import { ClosureChangeKind } from '../../platform/calendar/closure.entity';
import { historyInsertSql, HistorySelectColumns } from '../../platform/database/history-insert-sql';
import { insertAtCommit, TailInsert } from '../../platform/database/transaction-tail';
import { ReferralClock } from './referral-clocks';
import { ReferralAction, ReferralState } from './referral-state';

/** A breach or escalation the SLA sweep recorded (the hub acts: no actor). */
type SlaEventDetails = { clock: ReferralClock; dueAt: string; level: number; notified: string[] };

/** The details each kind of referral history entry carries (never taxpayer data); null: none. */
export type ReferralHistoryDetails = {
  [ReferralAction.FILE]: null;
  [ReferralAction.RETURN_INCOMPLETE]: { missingItems: string[] };
  [ReferralAction.RESUBMIT]: { contentChanged: boolean };
  [ReferralAction.FORWARD]: null;
  [ReferralAction.RETURN_TO_ORIGINATING_LIAISON]: { missingItems: string[] };
  [ReferralAction.ACKNOWLEDGE]: null;
  [ReferralAction.ASSIGN]: { assigneeId: string; previousAssigneeId: string | null };
  [ReferralAction.COMPLETE]: { resolutionCode: string | null };
  [ReferralAction.RETURN_NO_TPP_INVOLVEMENT]: null;
  [ReferralAction.CLOSE]: null;
  [ReferralAction.WITHDRAW]: null;
  [ReferralAction.ELEVATE]: { level: number; holderIds: string[] };
  [ReferralAction.RESOLVE_ELEVATION]: {
    resolvedAtLevel: number;
    /** The disputed completion time frame, when the resolution changed it (ISO instants). */
    completionDueAt?: { before: string | null; after: string };
  };
  [ReferralAction.CHECK_OUT]: { assigneeId: string };
  [ReferralAction.OPEN_CONTROL]: null;
  [ReferralAction.MONITOR]: null;
  [ReferralAction.RESUME_WORK]: null;
  [ReferralAction.CLOSE_AS_MISROUTE]: { resolutionCode: string };
  /** Written by the migration that moved open 4442/3210 referrals onto the RIVO route (1796170000000-FormRoutes). */
  [ReferralAction.ROUTE_MIGRATED]: { migration: string; route: string };
  [ReferralAction.SLA_BREACH]: SlaEventDetails;
  [ReferralAction.SLA_ESCALATION]: SlaEventDetails;
  /** Written set-based by the closure re-timing (referral-closure-retiming.ts) with exactly these keys. */
  [ReferralAction.SLA_BREACH_WITHDRAWN]: {
    clock: ReferralClock;
    previousDueAt: string;
    dueAt: string;
    closureId: string;
    closureChange: ClosureChangeKind;
  };
  /** The document's name is not repeated here: history details never carry what may name a taxpayer. */
  [ReferralAction.ATTACH_DOCUMENT]: { documentId: string; mediaType: string; size: number; sha256: string };
  /** `to`: the function the document went to (referral-document-custody.ts). */
  [ReferralAction.FORWARD_DOCUMENT_TO_SP]: { documentId: string; to: string };
  [ReferralAction.RETURN_DOCUMENT_TO_SENDER]: { documentId: string; to: string };
};

/** One entry kind per action: the action says which details it carries. */
export type ReferralHistoryKind = { [A in ReferralAction]: { action: A; details: ReferralHistoryDetails[A] } }[ReferralAction];

export type ReferralHistoryFact = ReferralHistoryKind & {
  referralId: string;
  fromState: ReferralState | null;
  toState: ReferralState;
  /** null for the hub itself (SLA breaches and escalations). */
  actorId: string | null;
  at: Date;
  note: string | null;
};

/**
 * Appends to the referral history, one statement for any number of entries (append-only: the database refuses changes),
 * sent with the transaction's other tail writes at commit. Every change of a referral writes history, so this is also
 * where the change is announced to live subscribers.
 */
export async function appendReferralHistory(manager: EntityManager, facts: readonly ReferralHistoryFact[]): Promise<void> {
  await insertAtCommit(manager, HISTORY_INSERT, facts);
  await publishLive(
    manager,
    REFERRAL_LIVE_TOPIC,
    facts.map((fact) => fact.referralId),
  );
}

/** All the entries of a transaction in one INSERT, in the order they were appended (WITH ORDINALITY). */
const HISTORY_INSERT: TailInsert<ReferralHistoryFact> = {
  sql: (parameter, facts) => {
    const entries = facts.map((fact) => ({
      referral_id: fact.referralId,
      action: fact.action,
      from_state: fact.fromState,
      to_state: fact.toState,
      actor_id: fact.actorId,
      at: fact.at.toISOString(),
      note: fact.note,
      details: fact.details,
    }));
    return `INSERT INTO referral_history (referral_id, action, from_state, to_state, actor_id, at, note, details)
      SELECT referral_id, action, from_state, to_state, actor_id, at, note, details
        FROM ROWS FROM (json_to_recordset(${parameter(JSON.stringify(entries))}::json)
               AS (referral_id uuid, action text, from_state text, to_state text, actor_id uuid, at timestamptz, note text, details jsonb))
             WITH ORDINALITY AS h(referral_id, action, from_state, to_state, actor_id, at, note, details, n)
       ORDER BY n`;
  },
};

/**
 * The set-based variant for statements that derive entries from many rows at once (the closure re-timing's CTE):
 * `INSERT … SELECT` with the columns and details keys the writer owns.
 */
export function referralHistoryInsertSql<A extends ReferralAction>(
  referralId: string,
  select: HistorySelectColumns<ReferralHistoryDetails[A]>,
): string {
  return historyInsertSql('referral_history', { referralId }, select);
}
