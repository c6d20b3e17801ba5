import { Notification } from '../platform/notifications/notification.entity';
import { ReferralSlaEvent } from '../modules/referrals/referral-sla-event.entity';
import { CollectionCase } from '../modules/tecs/collection-case.entity';
import { Crossing } from '../modules/tecs/crossing.entity';
import { Lookout } from '../modules/tecs/lookout.entity';
import { OtherInvestigation } from '../modules/tecs/other-investigation.entity';
import { TecsHistoryEntry } from '../modules/tecs/tecs-history.entity';
import { AccessAuditEntry } from '../platform/audit/access-audit.entity';
import { Closure, ClosureHistoryEntry, ClosureVersion } from '../platform/calendar/closure.entity';
import { BusinessFunction } from '../modules/org/business-function.entity';
import { Employee } from '../modules/org/employee.entity';
import { LiaisonAssignment } from '../modules/org/liaison-assignment.entity';
import { ReferralCategory } from '../modules/referrals/referral-category.entity';
import { ReferralClosureEffect } from '../modules/referrals/referral-closure-effect.entity';
import { ReferralHistoryEntry } from '../modules/referrals/referral-history.entity';
import { ReferralTimeFrame } from '../modules/referrals/referral-time-frame.entity';
import { Referral } from '../modules/referrals/referral.entity';
import { DocumentChunk, StoredDocument } from '../platform/storage/stored-document.entity';
import { CustomsRequest } from '../modules/disclosure/customs-request.entity';
import { DisclosureHistoryEntry } from '../modules/disclosure/disclosure-history.entity';
import { DisclosureAccountingEntry } from '../modules/disclosure/disclosure-accounting.entity';
import { DhsDisclosureAuthorization, TecsDisclosure } from '../modules/disclosure/tecs-disclosure.entity';
import { PastTravelRequest } from '../modules/disclosure/past-travel-request.entity';
import { CalendarFeedToken } from '../modules/calendar-feed/calendar-feed-token.entity';
import { ReferralRoute, ReferralRouteChange } from '../modules/referrals/referral-route.entity';

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
  StoredDocument,
  DocumentChunk,
  CustomsRequest,
  DisclosureHistoryEntry,
  DisclosureAccountingEntry,
  DhsDisclosureAuthorization,
  TecsDisclosure,
  PastTravelRequest,
  CalendarFeedToken,
  ReferralRoute,
  ReferralRouteChange,
];

/** Items whose creation the access audit names (AuditSubscriber). */
export const AUDITED_ENTITIES = [Referral, Lookout, Crossing, OtherInvestigation, StoredDocument, CustomsRequest, PastTravelRequest];
