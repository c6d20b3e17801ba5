import { DataSource } from 'typeorm';
import { BusinessCalendar, federalBusinessCalendar } from './calendar/business-calendar';
import { Clock } from './common/clock';
import { JobQueue } from './notifications/job-queue';
import { NoticeComposer } from './notifications/notice-composer';
import { NotificationAdminService } from './notifications/notification-admin.service';
import { NotificationDigest } from './notifications/notification-digest';
import { NotificationOutbox } from './notifications/notification-outbox';
import { SlaReportService } from './notifications/sla-report.service';
import { SlaSweep } from './notifications/sla-sweep';
import { OrgService } from './org/org.service';
import { ReferralCategoryService } from './referrals/referral-category.service';
import { ReferralClocks } from './referrals/referral-clocks';
import { ReferralNotifier } from './referrals/referral-notifier';
import { ReferralQueryService } from './referrals/referral-query.service';
import { ReferralService } from './referrals/referral.service';

export interface ServiceDependencies {
  dataSource: DataSource;
  clock: Clock;
  jobs: JobQueue;
  /** Links in notices point here. */
  baseUrl: string;
  calendar?: BusinessCalendar;
}

/** The services of one running hub, wired once. */
export function createServices({ dataSource, clock, jobs, baseUrl, calendar = federalBusinessCalendar }: ServiceDependencies) {
  const org = new OrgService(dataSource);
  const categories = new ReferralCategoryService(dataSource);
  const outbox = new NotificationOutbox(jobs);
  const notifier = new ReferralNotifier(org, outbox);
  const referrals = new ReferralService(dataSource, clock, new ReferralClocks(calendar), org, categories, notifier);
  const referralQueries = new ReferralQueryService(dataSource);
  const composer = new NoticeComposer(baseUrl);
  const digest = new NotificationDigest(dataSource, outbox, clock);
  const slaSweep = new SlaSweep(dataSource, calendar, outbox, clock);
  const notifications = new NotificationAdminService(dataSource, outbox);
  const slaReport = new SlaReportService(dataSource);
  return { org, categories, referrals, referralQueries, outbox, composer, digest, slaSweep, notifications, slaReport };
}

export type Services = ReturnType<typeof createServices>;
