import { DataSource } from 'typeorm';
import { CalendarService } from '../platform/calendar/calendar.service';
import { ClosureService } from '../platform/calendar/closure.service';
import { closureRules } from '../modules/closures/closure-rules';
import { NOTICE_PEOPLE, NOTICE_RECIPIENTS_SQL } from '../modules/org/notice-people';
import { registerReferralNotices } from '../modules/referrals/referral-notices';
import { referralClosureRetimer } from '../modules/referrals/referral-closure-retiming';
import { investigationClosureRetimer } from '../modules/tecs/investigation-closure-retiming';
import { AccessAuditService } from '../platform/audit/access-audit.service';
import { AccessTokenVerifier } from '../modules/auth/access-token';
import { AuthenticationService } from '../modules/auth/authentication.service';
import { Clock } from '../platform/common/clock';
import { AppConfig } from '../platform/config/config';
import { Mailer } from '../platform/notifications/mail/mailer';
import { NotificationDelivery } from '../platform/notifications/notification-delivery';
import { CrossingService } from '../modules/tecs/crossing.service';
import { InvestigationSweep } from '../modules/tecs/investigation-sweep';
import { InvestigationService } from '../modules/tecs/investigation.service';
import { LookoutService } from '../modules/tecs/lookout.service';
import { TecsAccess } from '../modules/tecs/tecs-access';
import { registerTecsNoticeSubjects } from '../modules/tecs/tecs-notice-subjects';
import { deliveryExpirySeconds, JobQueue } from '../platform/notifications/job-queue';
import { NoticeComposer } from '../platform/notifications/notice-composer';
import { NoticeTemplates } from '../platform/notifications/mail/render-notice';
import { NOTICE_TEMPLATE_SETS } from './notice-kinds';
import { NotificationAdminService } from '../platform/notifications/notification-admin.service';
import { NotificationDigest } from '../platform/notifications/notification-digest';
import { NotificationOutbox } from '../platform/notifications/notification-outbox';
import { SlaReportService } from '../modules/referrals/sla-report.service';
import { SlaSweep } from '../modules/referrals/sla-sweep';
import { OrgService } from '../modules/org/org.service';
import { ReferralCategoryService } from '../modules/referrals/referral-category.service';
import { ReferralRouteService } from '../modules/referrals/referral-route.service';
import { ReferralNotifier } from '../modules/referrals/referral-notifier';
import { ReferralQueryService } from '../modules/referrals/referral-query.service';
import { ReferralService } from '../modules/referrals/referral.service';
import { referralDocumentOwner } from '../modules/referrals/referral-documents';
import { customsRequestDocumentOwner } from '../modules/disclosure/customs-request-documents';
import { ReferralDocumentCustody } from '../modules/referrals/referral-document-custody.service';
import { Caller } from '../modules/org/caller';
import { ClamdScanner } from '../platform/storage/clamd-scanner';
import { DocumentService } from '../platform/storage/document.service';
import { PostgresDocumentStore } from '../platform/storage/document-store';
import { CustomsRequestService } from '../modules/disclosure/customs-request.service';
import { DisclosureAccounting } from '../modules/disclosure/disclosure-accounting';
import { registerDisclosureNotices } from '../modules/disclosure/disclosure-notices';
import { TecsDisclosureService } from '../modules/disclosure/tecs-disclosure.service';
import { PastTravelService } from '../modules/disclosure/past-travel.service';
import { CalendarFeedService } from '../modules/calendar-feed/calendar-feed.service';

/** Closures as the hub's organisation has them, re-timing referral clocks and OIs. */
export const CLOSURE_RULES = closureRules([referralClosureRetimer, investigationClosureRetimer]);

export interface ServiceDependencies {
  dataSource: DataSource;
  clock: Clock;
  jobs: JobQueue;
  mailer: Mailer;
  config: Pick<AppConfig, 'mail' | 'tecs' | 'auth' | 'documents'>;
}

/** The services of one running hub, wired once. */
export function createServices({ dataSource, clock, jobs, mailer, config }: ServiceDependencies) {
  // Business days with closures: one cache for every clock, sweep and re-timing of this instance.
  const calendars = new CalendarService(dataSource);
  const closures = new ClosureService(dataSource, clock, calendars, CLOSURE_RULES);
  const org = new OrgService(dataSource);
  const auth = new AuthenticationService(new AccessTokenVerifier(config.auth), org);
  const categories = new ReferralCategoryService(dataSource);
  const outbox = new NotificationOutbox(jobs, NOTICE_RECIPIENTS_SQL);
  const notifier = new ReferralNotifier(org, outbox);
  const routes = new ReferralRouteService(dataSource, clock);
  const referrals = new ReferralService(dataSource, clock, calendars, org, categories, notifier, routes);
  const referralQueries = new ReferralQueryService(dataSource);
  const composer = new NoticeComposer(config.mail.baseUrl, NOTICE_PEOPLE, new NoticeTemplates(NOTICE_TEMPLATE_SETS));
  const delivery = new NotificationDelivery(dataSource, mailer, composer, clock, deliveryExpirySeconds(config.mail.timeoutSeconds));
  const digest = new NotificationDigest(dataSource, outbox, clock);
  const slaSweep = new SlaSweep(dataSource, calendars, outbox, clock);
  const notifications = new NotificationAdminService(dataSource, outbox);
  const slaReport = new SlaReportService(dataSource);
  const tecsAccess = new TecsAccess();
  const lookouts = new LookoutService(dataSource, clock, outbox, tecsAccess);
  const deliverUrgentNow = (ids: string[]) => delivery.deliverUrgentNow(ids);
  const crossings = new CrossingService(dataSource, clock, outbox, lookouts, tecsAccess, config.tecs.timeCriticalDays, deliverUrgentNow);
  const investigations = new InvestigationService(
    dataSource,
    clock,
    calendars,
    outbox,
    lookouts,
    config.tecs.investigationDueBusinessDays,
    deliverUrgentNow,
    crossings,
  );
  const investigationSweep = new InvestigationSweep(dataSource, calendars, outbox, clock);
  registerReferralNotices(composer);
  registerTecsNoticeSubjects(composer);
  const disclosureAccounting = new DisclosureAccounting(dataSource);
  const customsRequests = new CustomsRequestService(dataSource, clock, outbox, disclosureAccounting);
  const pastTravel = new PastTravelService(dataSource, clock, outbox);
  const tecsDisclosures = new TecsDisclosureService(dataSource, clock, crossings, disclosureAccounting, pastTravel);
  registerDisclosureNotices(composer);
  const audit = new AccessAuditService(dataSource);
  const { clamd } = config.documents;
  const documents = new DocumentService<Caller>(
    dataSource,
    new PostgresDocumentStore(dataSource),
    clock,
    config.documents,
    clamd ? new ClamdScanner(clamd) : null,
  );
  documents.registerOwner(referralDocumentOwner(referrals));
  documents.registerOwner(customsRequestDocumentOwner(customsRequests));
  const referralDocumentCustody = new ReferralDocumentCustody(dataSource, clock, referrals);
  return {
    audit,
    auth,
    org,
    calendars,
    closures,
    categories,
    referrals,
    referralQueries,
    outbox,
    composer,
    delivery,
    digest,
    slaSweep,
    notifications,
    slaReport,
    lookouts,
    crossings,
    investigations,
    investigationSweep,
    documents,
    disclosureAccounting,
    customsRequests,
    tecsDisclosures,
    pastTravel,
    calendarFeeds: new CalendarFeedService(dataSource, org, referralQueries, config.mail.baseUrl),
    routes,
    referralDocumentCustody,
  };
}

export type Services = ReturnType<typeof createServices>;
