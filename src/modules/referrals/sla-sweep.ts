import { DataSource, EntityManager } from 'typeorm';
import { CalendarService, ClosureCalendars } from '../../platform/calendar/calendar.service';
import { Clock } from '../../platform/common/clock';
import { BusinessFunction } from '../org/business-function.entity';
import { liaisonsByFunction } from '../org/notice-recipients';
import { loadManagerLinks, managementChain, ManagerLinks } from '../org/management-chain';
import { ReferralClock, runningClocks } from './referral-clocks';
import { appendReferralHistory, ReferralHistoryFact } from './referral-history';
import { ReferralAction, ReferralState } from './referral-state';
import { Referral } from './referral.entity';
import { NoticeRequest } from '../../platform/notifications/notice';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { SlaEventKind } from './referral-sla-event.entity';

/** Reminders go out at 08:00 local on the business day before the due day, never at midnight or on a weekend. */
const REMINDER_HOUR = 8;
const ONE_MS = 1;

export interface SweepResult {
  examined: number;
  reminders: number;
  breaches: number;
  escalations: number;
}

/** The columns of a referral the sweep reads (never the content). */
type SweptReferral = Pick<
  Referral,
  'id' | 'state' | 'originatingFunctionId' | 'receivingFunctionId' | 'assigneeId' | 'reviewDueAt' | 'ackDueAt' | 'completionDueAt'
>;

interface SweptRow {
  id: string;
  state: ReferralState;
  originating_function_id: string;
  receiving_function_id: string;
  assignee_id: string | null;
  review_due_at: Date | null;
  ack_due_at: Date | null;
  completion_due_at: Date | null;
}

interface PlannedEvent {
  referral: SweptReferral;
  clock: ReferralClock;
  dueAt: Date;
  kind: SlaEventKind;
  level: number;
  recipientIds: string[];
}

/**
 * The calendar answers of one run, by due instant and zone. Clocks end at the end of a (business) day in
 * the acting function's zone, so the referrals of a sweep share few due instants: the calendar (luxon,
 * a fraction of a millisecond per call) is asked once per instant instead of once per referral.
 * Business days are those of the acting function (its closures count), so answers are kept per function.
 */
class CalendarMemo {
  private readonly answers = new Map<string, Date | number>();

  constructor(private readonly calendars: ClosureCalendars) {}

  reminderAt(functionId: string, dueAt: Date, zone: string): Date {
    return this.memo(`r|${functionId}|${dueAt.getTime()}|${zone}`, () =>
      this.calendars.calendarFor(functionId).reminderAt(dueAt, zone),
    ) as Date;
  }

  businessDaysOverdue(functionId: string, dueAt: Date, now: Date, zone: string): number {
    return this.memo(`o|${functionId}|${dueAt.getTime()}|${now.getTime()}|${zone}`, () =>
      this.calendars.calendarFor(functionId).businessDaysOverdue(dueAt, now, zone),
    ) as number;
  }

  dueAfterBusinessDays(functionId: string, from: Date, n: number, zone: string): Date {
    return this.memo(`d|${functionId}|${from.getTime()}|${n}|${zone}`, () =>
      this.calendars.calendarFor(functionId).dueAfterBusinessDays(from, n, zone),
    ) as Date;
  }

  private memo(key: string, compute: () => Date | number): Date | number {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = compute();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

const SELECT_DUE = `SELECT id, state, originating_function_id, receiving_function_id, assignee_id, review_due_at, ack_due_at, completion_due_at
  FROM referral WHERE sla_check_at <= $1 ORDER BY sla_check_at LIMIT $2 FOR UPDATE SKIP LOCKED`;

/** The organisation facts a sweep needs, read once per run instead of once per referral. */
interface OrgSnapshot {
  timeZoneOf: Map<string, string>;
  managerOf: ManagerLinks;
  liaisonsOf: Map<string, string[]>;
}

/** What the batches of one run read once (whichever comes first) and share. */
interface RunShared {
  org: Promise<OrgSnapshot> | null;
  calendar: Promise<CalendarMemo> | null;
}

/**
 * The SLA sweep (run every minute by pg-boss cron, once across instances). The IRM sets the time
 * frames but no consequence for missing them; escalating a breach up the management chain is this
 * hub's rule, modelled on the elevation path for disagreements (IRM 10.5.3.3.7.1(5) note):
 * - one business day before a due time: a reminder to whoever must act;
 * - at the due time: the breach is recorded once (history + event) and that person and their manager are told;
 * - each further business day overdue: one more manager up the chain, capped at the top.
 * Only referrals whose `sla_check_at` has come are read (an indexed, batched scan), so an idle sweep is cheap.
 *
 * A run works through the due referrals in batches of `batchSize`, each batch one transaction, on `parallel`
 * connections at once (both cores of a small server: PostgreSQL writes one batch while the hub plans the next).
 * Each batch claims its referrals with FOR UPDATE SKIP LOCKED, so the batches of one run, and of several instances
 * sweeping at once, never hold the same referral; the events' unique key records each one once in any case.
 */
export class SlaSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
    private readonly batchSize = 1000,
    private readonly parallel = 2,
  ) {}

  async run(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { examined: 0, reminders: 0, breaches: 0, escalations: 0 };
    const shared: RunShared = { org: null, calendar: null };
    const worker = async (): Promise<void> => {
      while (!(await this.sweepBatch(now, shared, result)));
    };
    // The first batch claims alone: an idle or small sweep is one transaction. Once it has claimed a full batch, the
    // other connections start on the next ones while it is processed, and its own connection goes on when it is done.
    const others: Promise<void>[] = [];
    const bringInOthers = () => others.push(...Array.from({ length: this.parallel - 1 }, worker));
    let short: boolean;
    try {
      short = await this.sweepBatch(now, shared, result, bringInOthers);
    } catch (error) {
      await Promise.allSettled(others);
      throw error;
    }
    if (!short) others.push(worker());
    await Promise.all(others);
    return result;
  }

  /**
   * Claims and processes one batch in its own transaction; true when it came back short: nothing due is left that
   * another batch does not hold. `onFull` is called as soon as a full batch is claimed.
   */
  private sweepBatch(now: Date, shared: RunShared, result: SweepResult, onFull?: () => void): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: SweptRow[] = await manager.query(SELECT_DUE, [now, this.batchSize]);
      if (rows.length === 0) return true;
      if (rows.length === this.batchSize) onFull?.();
      const due: SweptReferral[] = rows.map((row) => ({
        id: row.id,
        state: row.state,
        originatingFunctionId: row.originating_function_id,
        receivingFunctionId: row.receiving_function_id,
        assigneeId: row.assignee_id,
        reviewDueAt: row.review_due_at,
        ackDueAt: row.ack_due_at,
        completionDueAt: row.completion_due_at,
      }));
      shared.org ??= this.snapshot(manager);
      // Closures come from the cache: one version probe per run, none when nothing is due.
      shared.calendar ??= this.calendars.current(manager).then((calendars) => new CalendarMemo(calendars));
      await this.processBatch(manager, due, await shared.org, await shared.calendar, now, result);
      result.examined += due.length;
      return due.length < this.batchSize;
    });
  }

  private async processBatch(
    manager: EntityManager,
    referrals: SweptReferral[],
    org: OrgSnapshot,
    calendar: CalendarMemo,
    now: Date,
    result: SweepResult,
  ): Promise<void> {
    const planned: PlannedEvent[] = [];
    const nextCheck = new Map<string, Date | null>();
    for (const referral of referrals) {
      let next: Date | null = null;
      for (const { kind: clock, dueAt } of runningClocks(referral.state, referral)) {
        const plan = this.planClock(referral, clock, dueAt, org, calendar, now);
        planned.push(...plan.events);
        if (plan.next && (!next || plan.next < next)) next = plan.next;
      }
      nextCheck.set(referral.id, next);
    }

    const recorded = await this.recordOnce(manager, planned, nextCheck, now);
    const notices: NoticeRequest[] = [];
    const history: ReferralHistoryFact[] = [];
    for (const event of recorded) {
      if (event.kind === SlaEventKind.REMINDER) result.reminders++;
      if (event.kind === SlaEventKind.BREACH) result.breaches++;
      if (event.kind === SlaEventKind.ESCALATION) result.escalations++;
      if (event.kind !== SlaEventKind.REMINDER) {
        // System entries: the hub acts, the state does not change.
        history.push({
          referralId: event.referral.id,
          action: event.kind === SlaEventKind.BREACH ? ReferralAction.SLA_BREACH : ReferralAction.SLA_ESCALATION,
          fromState: event.referral.state,
          toState: event.referral.state,
          actorId: null,
          at: now,
          note: null,
          details: { clock: event.clock, dueAt: event.dueAt.toISOString(), level: event.level, notified: event.recipientIds },
        });
      }
      for (const recipientId of event.recipientIds) {
        notices.push({
          kind:
            event.kind === SlaEventKind.REMINDER ? 'SLA_REMINDER' : event.kind === SlaEventKind.BREACH ? 'SLA_BREACH' : 'SLA_ESCALATION',
          recipientId,
          referralId: event.referral.id,
          urgent: true,
          facts: { clock: event.clock, dueAt: event.dueAt.toISOString(), ...(event.level ? { escalationLevel: event.level } : {}) },
        });
      }
    }
    await appendReferralHistory(manager, history);
    await this.outbox.enqueue(manager, notices, now);
  }

  /** The events of one running clock that are due by `now`, and when the clock needs looking at again. */
  private planClock(
    referral: SweptReferral,
    clock: ReferralClock,
    dueAt: Date,
    org: OrgSnapshot,
    calendar: CalendarMemo,
    now: Date,
  ): { events: PlannedEvent[]; next: Date | null } {
    const actingFunction = clock === ReferralClock.REVIEW ? referral.originatingFunctionId : referral.receivingFunctionId;
    const zone = org.timeZoneOf.get(actingFunction) ?? 'America/New_York';
    const responsible =
      clock === ReferralClock.COMPLETION && referral.assigneeId ? [referral.assigneeId] : (org.liaisonsOf.get(actingFunction) ?? []);
    const event = (kind: SlaEventKind, level: number, recipientIds: string[]): PlannedEvent => ({
      referral,
      clock,
      dueAt,
      kind,
      level,
      recipientIds,
    });

    const remindAt = new Date(calendar.reminderAt(actingFunction, dueAt, zone).getTime() + REMINDER_HOUR * 3600_000);
    if (now < remindAt) return { events: [], next: remindAt };
    if (now <= dueAt) return { events: [event(SlaEventKind.REMINDER, 0, responsible)], next: new Date(dueAt.getTime() + ONE_MS) };

    const chain = responsible.length ? managementChain(org.managerOf, responsible[0]) : [];
    const overdueDays = calendar.businessDaysOverdue(actingFunction, dueAt, now, zone);
    const reached = Math.min(1 + overdueDays, chain.length);
    const events = [event(SlaEventKind.BREACH, 0, responsible)];
    for (let level = 1; level <= reached; level++) events.push(event(SlaEventKind.ESCALATION, level, [chain[level - 1]]));
    const next =
      reached < chain.length
        ? new Date(calendar.dueAfterBusinessDays(actingFunction, dueAt, overdueDays + 1, zone).getTime() + ONE_MS)
        : null;
    return { events, next };
  }

  /**
   * Inserts the planned events, skipping those already recorded, and moves each referral of the batch to its next
   * check, in one statement; returns only the new events.
   */
  private async recordOnce(
    manager: EntityManager,
    planned: PlannedEvent[],
    nextCheck: Map<string, Date | null>,
    now: Date,
  ): Promise<PlannedEvent[]> {
    const rows: { referral_id: string; clock: string; kind: string; level: number }[] = await manager.query(
      `WITH next_check AS (
         UPDATE referral r SET sla_check_at = v.next
           FROM unnest($7::uuid[], $8::timestamptz[]) AS v(id, next)
          WHERE r.id = v.id
       )
       INSERT INTO referral_sla_event (referral_id, clock, due_at, kind, level, created_at)
       SELECT * , $6::timestamptz FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::int[])
       ON CONFLICT ON CONSTRAINT referral_sla_event_once DO NOTHING
       RETURNING referral_id, clock, kind, level`,
      [
        planned.map((e) => e.referral.id),
        planned.map((e) => e.clock),
        planned.map((e) => e.dueAt.toISOString()),
        planned.map((e) => e.kind),
        planned.map((e) => e.level),
        now.toISOString(),
        [...nextCheck.keys()],
        [...nextCheck.values()].map((d) => d?.toISOString() ?? null),
      ],
    );
    // A batch holds each referral once, and a running clock one due instant: the event's key needs no date.
    const key = (id: string, clock: string, kind: string, level: number) => `${id}|${clock}|${kind}|${level}`;
    const inserted = new Set(rows.map((r) => key(r.referral_id, r.clock, r.kind, r.level)));
    return planned.filter((e) => inserted.has(key(e.referral.id, e.clock, e.kind, e.level)));
  }

  private async snapshot(manager: EntityManager): Promise<OrgSnapshot> {
    const functions = await manager.find(BusinessFunction, { select: { id: true, timeZone: true } });
    return {
      timeZoneOf: new Map(functions.map((f) => [f.id, f.timeZone])),
      managerOf: await loadManagerLinks(manager),
      liaisonsOf: await liaisonsByFunction(manager),
    };
  }
}
