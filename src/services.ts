import { DataSource } from 'typeorm';
import { BusinessCalendar, federalBusinessCalendar } from './calendar/business-calendar';
import { Clock } from './common/clock';
import { OrgService } from './org/org.service';
import { ReferralCategoryService } from './referrals/referral-category.service';
import { ReferralClocks } from './referrals/referral-clocks';
import { ReferralQueryService } from './referrals/referral-query.service';
import { ReferralService } from './referrals/referral.service';

/** The services of one running hub, wired once. */
export function createServices(dataSource: DataSource, clock: Clock, calendar: BusinessCalendar = federalBusinessCalendar) {
  const org = new OrgService(dataSource);
  const categories = new ReferralCategoryService(dataSource);
  const referrals = new ReferralService(dataSource, clock, new ReferralClocks(calendar), org, categories);
  const referralQueries = new ReferralQueryService(dataSource);
  return { org, categories, referrals, referralQueries };
}

export type Services = ReturnType<typeof createServices>;
