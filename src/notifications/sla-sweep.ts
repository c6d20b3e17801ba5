import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar } from '../calendar/business-calendar';
import { Clock } from '../common/clock';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { LiaisonAssignment } from '../org/liaison-assignment.entity';
import { ReferralClock, runningClocks } from '../referrals/referral-clocks';
import { ReferralHistoryEntry } from '../referrals/referral-history.entity';
import { ReferralAction } from '../referrals/referral-state';
import { Referral } from '../referrals/referral.entity';
import { NoticeRequest } from './notice';
import { NotificationOutbox } from './notification-outbox';
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

interface PlannedEvent {
  referral: Referral;
  clock: ReferralClock;
  dueAt: Date;
  kind: SlaEventKind;
  level: number;
  recipientIds: string[];
}

/** The organisation facts a sweep needs, read once per run instead of once per referral. */
interface OrgSnapshot {
  timeZoneOf: Map<string, string>;
  managerOf: Map<string, string | null>;
  liaisonsOf: Map<string, string[]>;
}

/**
 * The SLA sweep (run every minute by pg-boss cron, once across instances). The IRM sets the time
 * frames but no consequence for missing them; escalating a breach up the management chain is this
 * hub's rule, modelled on the elevation path for disagreements (IRM 10.5.3.3.7.1(5) note):
 * - one business day before a due time: a reminder to whoever must act;
 * - at the due time: the breach is recorded once (history + event) and that person and their manager are told;
 * - each further business day overdue: one more manager up the chain, capped at the top.
 * Only referrals whose `sla_check_at` has come are read (an indexed, batched scan), so an idle sweep is cheap.
 */
export class SlaSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: BusinessCalendar,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
    private readonly batchSize = 500,
  ) {}

  async run(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { examined: 0, reminders: 0, breaches: 0, escalations: 0 };
    let org: OrgSnapshot | null = null;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .createQueryBuilder(Referral, 'r')
          .where('r.sla_check_at <= :now', { now })
          .orderBy('r.sla_check_at', 'ASC')
          .limit(this.batchSize)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (due.length === 0) return true;
        org ??= await this.snapshot(manager);
        await this.processBatch(manager, due, org, now, result);
        result.examined += due.length;
        return due.length < this.batchSize;
      });
      if (done) return result;
    }
  }

  private async processBatch(manager: EntityManager, referrals: Referral[], org: OrgSnapshot, now: Date, result: SweepResult): Promise<void> {
    const planned: PlannedEvent[] = [];
    const nextCheck = new Map<string, Date | null>();
    for (const referral of referrals) {
      let next: Date | null = null;
      for (const { kind: clock, dueAt } of runningClocks(referral.state, referral)) {
        const plan = this.planClock(referral, clock, dueAt, org, now);
        planned.push(...plan.events);
        if (plan.next && (!next || plan.next < next)) next = plan.next;
      }
      nextCheck.set(referral.id, next);
    }

    const recorded = await this.recordOnce(manager, planned, now);
    const notices: NoticeRequest[] = [];
    const history: Partial<ReferralHistoryEntry>[] = [];
    for (const event of recorded) {
      if (event.kind === SlaEventKind.REMINDER) result.reminders++;
      if (event.kind === SlaEventKind.BREACH) result.breaches++;
      if (event.kind === SlaEventKind.ESCALATION) result.escalations++;
      if (event.kind !== SlaEventKind.REMINDER) {
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
          kind: event.kind === SlaEventKind.REMINDER ? 'SLA_REMINDER' : event.kind === SlaEventKind.BREACH ? 'SLA_BREACH' : 'SLA_ESCALATION',
          recipientId,
          referralId: event.referral.id,
          urgent: true,
          facts: { clock: event.clock, dueAt: event.dueAt.toISOString(), ...(event.level ? { escalationLevel: event.level } : {}) },
        });
      }
    }
    if (history.length) await manager.save(ReferralHistoryEntry, history);
    await this.outbox.enqueue(manager, notices, now);
    await manager.query(
      `UPDATE referral r SET sla_check_at = v.next
         FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::timestamptz[]) AS next) v
        WHERE r.id = v.id`,
      [[...nextCheck.keys()], [...nextCheck.values()].map((d) => d?.toISOString() ?? null)],
    );
  }

  /** The events of one running clock that are due by `now`, and when the clock needs looking at again. */
  private planClock(referral: Referral, clock: ReferralClock, dueAt: Date, org: OrgSnapshot, now: Date): { events: PlannedEvent[]; next: Date | null } {
    const actingFunction = clock === ReferralClock.REVIEW ? referral.originatingFunctionId : referral.receivingFunctionId;
    const zone = org.timeZoneOf.get(actingFunction) ?? 'America/New_York';
    const responsible =
      clock === ReferralClock.COMPLETION && referral.assigneeId ? [referral.assigneeId] : (org.liaisonsOf.get(actingFunction) ?? []);
    const event = (kind: SlaEventKind, level: number, recipientIds: string[]): PlannedEvent => ({ referral, clock, dueAt, kind, level, recipientIds });

    const remindAt = new Date(this.calendar.reminderAt(dueAt, zone).getTime() + REMINDER_HOUR * 3600_000);
    if (now < remindAt) return { events: [], next: remindAt };
    if (now <= dueAt) return { events: [event(SlaEventKind.REMINDER, 0, responsible)], next: new Date(dueAt.getTime() + ONE_MS) };

    const chain = responsible.length ? this.chainAbove(responsible[0], org) : [];
    const overdueDays = this.calendar.businessDaysOverdue(dueAt, now, zone);
    const reached = Math.min(1 + overdueDays, chain.length);
    const events = [event(SlaEventKind.BREACH, 0, responsible)];
    for (let level = 1; level <= reached; level++) events.push(event(SlaEventKind.ESCALATION, level, [chain[level - 1]]));
    const next =
      reached < chain.length ? new Date(this.calendar.dueAfterBusinessDays(dueAt, overdueDays + 1, zone).getTime() + ONE_MS) : null;
    return { events, next };
  }

  /** Inserts the planned events, skipping those already recorded; returns only the new ones. */
  private async recordOnce(manager: EntityManager, planned: PlannedEvent[], now: Date): Promise<PlannedEvent[]> {
    if (planned.length === 0) return [];
    const rows: { referral_id: string; clock: string; due_at: Date; kind: string; level: number }[] = await manager.query(
      `INSERT INTO referral_sla_event (referral_id, clock, due_at, kind, level, created_at)
       SELECT * , $6::timestamptz FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::int[])
       ON CONFLICT ON CONSTRAINT referral_sla_event_once DO NOTHING
       RETURNING referral_id, clock, due_at, kind, level`,
      [
        planned.map((e) => e.referral.id),
        planned.map((e) => e.clock),
        planned.map((e) => e.dueAt.toISOString()),
        planned.map((e) => e.kind),
        planned.map((e) => e.level),
        now.toISOString(),
      ],
    );
    const key = (id: string, clock: string, dueAt: Date, kind: string, level: number) => `${id}|${clock}|${dueAt.getTime()}|${kind}|${level}`;
    const inserted = new Set(rows.map((r) => key(r.referral_id, r.clock, new Date(r.due_at), r.kind, r.level)));
    return planned.filter((e) => inserted.has(key(e.referral.id, e.clock, e.dueAt, e.kind, e.level)));
  }

  private chainAbove(employeeId: string, org: OrgSnapshot): string[] {
    const chain: string[] = [];
    let current = org.managerOf.get(employeeId) ?? null;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = org.managerOf.get(current) ?? null;
    }
    return chain;
  }

  private async snapshot(manager: EntityManager): Promise<OrgSnapshot> {
    const functions = await manager.find(BusinessFunction, { select: { id: true, timeZone: true } });
    const employees = await manager.find(Employee, { select: { id: true, managerId: true, active: true } });
    const assignments = await manager
      .createQueryBuilder(LiaisonAssignment, 'la')
      .innerJoin(Employee, 'e', 'e.id = la.employee_id AND e.active')
      .orderBy('la.created_at', 'ASC')
      .getMany();
    const liaisonsOf = new Map<string, string[]>();
    for (const a of assignments) liaisonsOf.set(a.functionId, [...(liaisonsOf.get(a.functionId) ?? []), a.employeeId]);
    return {
      timeZoneOf: new Map(functions.map((f) => [f.id, f.timeZone])),
      managerOf: new Map(employees.map((e) => [e.id, e.managerId])),
      liaisonsOf,
    };
  }
}
