import { DataSource } from 'typeorm';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { Clock } from '../../platform/common/clock';
import { NoticeRequest } from '../../platform/notifications/notice';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { loadManagerLinks, managementChain } from '../org/management-chain';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsSubject } from './tecs-history.entity';
import { appendTecsHistory } from './tecs-history';
import { InvestigationState } from './tecs-state';

/**
 * OIs escalate like referrals: past the due time the GM and RO are told and the GM's manager is
 * escalated to; each further business day overdue climbs one more level, capped at the top. The
 * level is kept on the OI and raised with a guarded UPDATE, so each step is recorded and notified once.
 */
export class InvestigationSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ breaches: number; escalations: number }> {
    const now = this.clock.now();
    const result = { breaches: 0, escalations: 0 };
    await this.dataSource.transaction(async (manager) => {
      const overdue: (OtherInvestigation & { time_zone: string; function_id: string })[] = await manager.query(
        `SELECT oi.id, oi.due_at AS "dueAt", oi.escalation_level AS "escalationLevel", oi.group_manager_id AS "groupManagerId",
                oi.revenue_officer_id AS "revenueOfficerId", f.time_zone, f.id AS function_id
           FROM other_investigation oi
           JOIN employee gm ON gm.id = oi.group_manager_id
           JOIN business_function f ON f.id = gm.function_id
          WHERE oi.state = $1 AND oi.due_at < $2
          FOR UPDATE OF oi SKIP LOCKED`,
        [InvestigationState.ISSUED, now],
      );
      // Overdue business days are the GM's function's (its closures count); the closures come from the cache.
      const calendars = overdue.length ? await this.calendars.current(manager) : null;
      const managerLinks = await loadManagerLinks(manager);
      const notices: NoticeRequest[] = [];
      for (const oi of overdue) {
        const chain = managementChain(managerLinks, oi.groupManagerId);
        const target = Math.min(
          1 + calendars!.calendarFor(oi.function_id).businessDaysOverdue(new Date(oi.dueAt), now, oi.time_zone),
          Math.max(chain.length, 1),
        );
        if (target <= oi.escalationLevel) continue;
        await manager.update(OtherInvestigation, { id: oi.id }, { escalationLevel: target });
        const subject = { type: TecsSubject.INVESTIGATION, id: oi.id };
        const facts = { clock: 'INVESTIGATION', dueAt: new Date(oi.dueAt).toISOString() };
        if (oi.escalationLevel === 0) {
          result.breaches++;
          for (const recipientId of [oi.groupManagerId, oi.revenueOfficerId])
            notices.push({ kind: 'SLA_BREACH', recipientId, referralId: null, subject, urgent: true, facts });
        }
        for (let level = oi.escalationLevel + 1; level <= Math.min(target, chain.length); level++) {
          result.escalations++;
          notices.push({
            kind: 'SLA_ESCALATION',
            recipientId: chain[level - 1],
            referralId: null,
            subject,
            urgent: true,
            facts: { ...facts, escalationLevel: level },
          });
        }
        await appendTecsHistory(manager, {
          subjectType: TecsSubject.INVESTIGATION,
          subjectId: oi.id,
          action: oi.escalationLevel === 0 ? 'SLA_BREACH' : 'SLA_ESCALATION',
          actorId: null,
          at: now,
          details: { fromLevel: oi.escalationLevel, toLevel: target },
        });
      }
      await this.outbox.enqueue(manager, notices, now);
    });
    return result;
  }
}
