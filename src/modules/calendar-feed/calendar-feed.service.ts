import { createHash, randomBytes } from 'node:crypto';
import icalGenerator from 'ical-generator';
import { DataSource } from 'typeorm';
import { Caller } from '../org/caller';
import { OrgService } from '../org/org.service';
import { Referral } from '../referrals/referral.entity';
import { ReferralQueryService, SOONEST_DUE_FIRST } from '../referrals/referral-query.service';
import { CalendarFeedToken } from './calendar-feed-token.entity';

/** Where a feed is fetched: `/calendar/<token>.ics` (calendar clients cannot send a bearer token, so the URL carries one). */
export const CALENDAR_FEED_PATH = '/calendar';

/** The most deadlines a feed lists (the work queue's largest page), soonest first. */
const FEED_SIZE = 100;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A feed as its owner sees it once: the URL to give the calendar client. */
export interface CreatedCalendarFeed {
  url: string;
  createdAt: Date;
}

/**
 * Each person's iCalendar feed of the deadlines they must meet: the running clocks of the referrals in their work
 * queue (IRM 10.5.3.3.7.1: acknowledge within 3 business days, and the other clocks of the referral lifecycle). The
 * feed names no taxpayer: only reference number, form, state, due time and the console link.
 */
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly referralQueries: ReferralQueryService,
    private readonly baseUrl: string,
  ) {}

  /** A new feed URL for the caller; any earlier one stops working. */
  async create(caller: Caller): Promise<CreatedCalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    const { createdAt } = await this.dataSource.transaction(async (manager) => {
      await manager.delete(CalendarFeedToken, { employeeId: caller.id });
      return manager.save(manager.create(CalendarFeedToken, { employeeId: caller.id, tokenHash: hashOf(token) }));
    });
    return { url: `${this.baseUrl}${CALENDAR_FEED_PATH}/${token}.ics`, createdAt };
  }

  /** Revokes the caller's feed; false if they had none. */
  async revoke(caller: Caller): Promise<boolean> {
    const { affected } = await this.dataSource.manager.delete(CalendarFeedToken, { employeeId: caller.id });
    return (affected ?? 0) > 0;
  }

  /** The feed's owner (still active), or null for an unknown or revoked token. */
  async ownerOf(token: string): Promise<Caller | null> {
    const feed = await this.dataSource.manager.findOneBy(CalendarFeedToken, { tokenHash: hashOf(token) });
    if (!feed) return null;
    return this.org.loadCaller(feed.employeeId).catch(() => null);
  }

  /** The owner's deadlines: the referrals they must act on whose clock is running, soonest due first. */
  async deadlinesOf(caller: Caller): Promise<Referral[]> {
    const queue = await this.referralQueries.workQueue(caller, SOONEST_DUE_FIRST, { first: FEED_SIZE });
    return queue.items.map((item) => item.node).filter((referral) => referral.nextDueAt !== null);
  }

  /** The iCalendar text of a feed (RFC 5545): one event per deadline, at its due instant (UTC). */
  render(referrals: Referral[], now: Date): string {
    const calendar = icalGenerator({ name: 'Referral Hub deadlines', prodId: { company: 'IRS', product: 'Referral Hub' }, ttl: 15 * 60 });
    for (const referral of referrals) {
      const due = referral.nextDueAt!;
      const link = `${this.baseUrl}/referrals/${referral.id}`;
      calendar.createEvent({
        id: `${referral.id}@referral-hub`,
        stamp: now,
        start: due,
        end: due,
        summary: `Due: ${referral.referenceNumber} (${referral.form}, ${referral.state})`,
        description: `Referral ${referral.referenceNumber}, form ${referral.form}, state ${referral.state}, due ${due.toISOString()}.\n${link}`,
        url: link,
      });
    }
    return calendar.toString();
  }
}
