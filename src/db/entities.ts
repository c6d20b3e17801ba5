import { Notification } from '../notifications/notification.entity';
import { ReferralSlaEvent } from '../notifications/referral-sla-event.entity';
import { CollectionCase } from '../tecs/collection-case.entity';
import { Crossing } from '../tecs/crossing.entity';
import { Lookout } from '../tecs/lookout.entity';
import { OtherInvestigation } from '../tecs/other-investigation.entity';
import { TecsHistoryEntry } from '../tecs/tecs-history.entity';
import { AccessAuditEntry } from '../audit/access-audit.entity';
import { Closure, ClosureHistoryEntry, ClosureVersion } from '../calendar/closure.entity';
import { BusinessFunction } from '../org/business-function.entity';
import { Employee } from '../org/employee.entity';
import { LiaisonAssignment } from '../org/liaison-assignment.entity';
import { ReferralCategory } from '../referrals/referral-category.entity';
import { ReferralClosureEffect } from '../referrals/referral-closure-effect.entity';
import { ReferralHistoryEntry } from '../referrals/referral-history.entity';
import { ReferralTimeFrame } from '../referrals/referral-time-frame.entity';
import { Referral } from '../referrals/referral.entity';

/** Listed explicitly (not globbed) so the same list works under ts, jest and compiled JS. */
export const ENTITIES = [
  BusinessFunction,
  Employee,
  LiaisonAssignment,
  ReferralCategory,
  ReferralTimeFrame,
  Referral,
  ReferralHistoryEntry,
  ReferralSlaEvent,
  Notification,
  CollectionCase,
  Lookout,
  Crossing,
  OtherInvestigation,
  TecsHistoryEntry,
  AccessAuditEntry,
  Closure,
  ClosureHistoryEntry,
  ClosureVersion,
  ReferralClosureEffect,
];
