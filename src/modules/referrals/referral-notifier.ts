import { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../../platform/notifications/notification-outbox';
import { NoticeRequest } from '../../platform/notifications/notice';
import { OrgService } from '../org/org.service';
import { runningClocks } from './referral-clocks';
import { Audience, Transition } from './referral-lifecycle';
import { Referral } from './referral.entity';

/** What the notifier needs to know about the referral before the transition. */
export interface ReferralBefore {
  elevationHolderIds: string[];
  receivedAt: Date | null;
}

/** Turns a transition into notices for the audiences the lifecycle table names. */
export class ReferralNotifier {
  constructor(
    private readonly org: OrgService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async transitioned(
    manager: EntityManager,
    rule: Transition,
    before: ReferralBefore,
    referral: Referral,
    actorId: string,
    now: Date,
  ): Promise<string[]> {
    const { notify } = rule;
    if (!notify) return [];
    const recipients = new Set<string>();
    for (const audience of notify.to) {
      for (const id of await this.resolve(manager, audience, before, referral)) recipients.add(id);
    }
    recipients.delete(actorId);
    const clock = runningClocks(referral.state, referral)[0];
    const notices: NoticeRequest[] = [...recipients].map((recipientId) => ({
      kind: notify.kind,
      recipientId,
      referralId: referral.id,
      urgent: notify.urgent ?? false,
      facts: { actorId, ...(clock ? { clock: clock.kind, dueAt: clock.dueAt.toISOString() } : {}) },
    }));
    return (await this.outbox.enqueue(manager, notices, now)).map((notice) => notice.id);
  }

  private async resolve(manager: EntityManager, audience: Audience, before: ReferralBefore, referral: Referral): Promise<string[]> {
    switch (audience) {
      case Audience.ORIGINATOR:
        return [referral.originatorId];
      case Audience.ORIGINATING_LIAISONS:
        return [
          ...(await this.org.liaisonIdsOf(referral.originatingFunctionId, manager)),
          ...(referral.standInReviewerId ? [referral.standInReviewerId] : []),
        ];
      case Audience.RECEIVING_LIAISONS:
        // Only once the receiving function has had it.
        if (!before.receivedAt && !referral.receivedAt) return [];
        return this.org.liaisonIdsOf(referral.receivingFunctionId, manager);
      case Audience.ASSIGNEE:
        return referral.assigneeId ? [referral.assigneeId] : [];
      case Audience.ELEVATION_HOLDERS:
        return referral.elevationHolderIds;
      case Audience.PREVIOUS_ELEVATION_HOLDERS:
        return before.elevationHolderIds;
    }
  }
}
