import { Router } from 'express';
import { AuditKind } from '../../platform/audit/access-audit.entity';
import { AccessAuditService } from '../../platform/audit/access-audit.service';
import { Clock } from '../../platform/common/clock';
import { CALENDAR_FEED_PATH, CalendarFeedService } from './calendar-feed.service';

/** A feed token as issued: 32 random bytes in base64url. */
const TOKEN = /^[\w-]{43}$/;

/**
 * GET /calendar/<token>.ics: the owner's deadlines as iCalendar, for a calendar client to poll. The token is the only
 * credential (calendar clients send no bearer token); unknown, revoked or a deactivated owner's: 404 alike. Every
 * fetch is written to the access audit as a read by the owner, naming the referrals listed.
 */
export function calendarFeedRoutes(options: {
  feeds: CalendarFeedService;
  audit: AccessAuditService;
  clock: Clock;
  logUnexpectedError: (error: unknown) => void;
}): Router {
  const router = Router();
  router.get(`${CALENDAR_FEED_PATH}/:file`, async (req, res) => {
    try {
      const token = req.params.file.replace(/\.ics$/, '');
      const owner = req.params.file.endsWith('.ics') && TOKEN.test(token) ? await options.feeds.ownerOf(token) : null;
      res.setHeader('cache-control', 'no-store');
      res.setHeader('referrer-policy', 'no-referrer');
      if (!owner) {
        res.status(404).type('text/plain').send('No such calendar feed (it may have been revoked).');
        return;
      }
      const deadlines = await options.feeds.deadlinesOf(owner);
      const request = { actorId: owner.id, requestId: String(res.locals.requestId), clientAddress: req.ip ?? 'unknown' };
      await options.audit.record(
        request,
        AuditKind.READ,
        'calendarFeed',
        deadlines.map((referral) => referral.id),
        ['nextDueAt'],
      );
      res.type('text/calendar; charset=utf-8').send(options.feeds.render(deadlines, options.clock.now()));
    } catch (error) {
      options.logUnexpectedError(error);
      res.status(500).type('text/plain').send('Internal server error');
    }
  });
  return router;
}
