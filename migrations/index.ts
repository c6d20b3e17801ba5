import { CoreReferralHub1795611822242 } from './1795611822242-CoreReferralHub';
import { NotificationsAndSla1795612695047 } from './1795612695047-NotificationsAndSla';
import { TecsLookouts1795613870846 } from './1795613870846-TecsLookouts';
import { ProtectTaxpayerData1795614640742 } from './1795614640742-ProtectTaxpayerData';
import { Closures1795614821511 } from './1795614821511-Closures';
import { WorkQueueIndexes1795617785194 } from './1795617785194-WorkQueueIndexes';
import { AuditRefusals1796156746014 } from './1796156746014-AuditRefusals';
import { MaskTinsInFreeText1796156984910 } from './1796156984910-MaskTinsInFreeText';
import { NoticeDeliveryClaims1796160000000 } from './1796160000000-NoticeDeliveryClaims';
import { RivoRoute1796232317841 } from './1796232317841-RivoRoute';
import { AttachedDocuments1796232354461 } from './1796232354461-AttachedDocuments';
import { Disclosure1796232360746 } from './1796232360746-Disclosure';
import { ReferralRoutes1796233052137 } from './1796233052137-ReferralRoutes';
import { LinkedReferrals1796233900000 } from './1796233900000-LinkedReferrals';
import { CalendarFeeds1796233913518 } from './1796233913518-CalendarFeeds';
import { StandInReviewer1796234500000 } from './1796234500000-StandInReviewer';
import { CategoryPreconditions1796240000000 } from './1796240000000-CategoryPreconditions';
import { PastTravelDisclosure1796241000000 } from './1796241000000-PastTravelDisclosure';
import { StandInReviewerIndex1796242000000 } from './1796242000000-StandInReviewerIndex';
import { BusinessDayClockIndexes1796243000000 } from './1796243000000-BusinessDayClockIndexes';
import { CallerChangeNotices1796244000000 } from './1796244000000-CallerChangeNotices';
import { ReferenceDataChangeNotices1796245000000 } from './1796245000000-ReferenceDataChangeNotices';

/** Every migration, oldest first. Add each new one here (the CLI generates the file, not this entry). */
export const MIGRATIONS = [
  CoreReferralHub1795611822242,
  NotificationsAndSla1795612695047,
  TecsLookouts1795613870846,
  ProtectTaxpayerData1795614640742,
  Closures1795614821511,
  WorkQueueIndexes1795617785194,
  AuditRefusals1796156746014,
  MaskTinsInFreeText1796156984910,
  NoticeDeliveryClaims1796160000000,
  RivoRoute1796232317841,
  AttachedDocuments1796232354461,
  Disclosure1796232360746,
  ReferralRoutes1796233052137,
  LinkedReferrals1796233900000,
  CalendarFeeds1796233913518,
  StandInReviewer1796234500000,
  CategoryPreconditions1796240000000,
  PastTravelDisclosure1796241000000,
  StandInReviewerIndex1796242000000,
  BusinessDayClockIndexes1796243000000,
  CallerChangeNotices1796244000000,
  ReferenceDataChangeNotices1796245000000,
];
