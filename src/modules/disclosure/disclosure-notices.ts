import { NoticeComposer } from '../../platform/notifications/notice-composer';
import { DisclosureSubject } from './disclosure-history.entity';
import { PastTravelRequest } from './past-travel-request.entity';
import { CustomsRequest } from './customs-request.entity';

/** How disclosure notices name what they are about: the hub's reference and the state, never the taxpayer or the items. */
export function registerDisclosureNotices(composer: NoticeComposer): void {
  composer.registerKinds({
    CUSTOMS_REQUEST_RECEIVED: { digestSummary: 'Customs request received' },
    CUSTOMS_RELEASE_AWAITED: { digestSummary: 'Customs release awaits a second officer' },
    CUSTOMS_REVIEW_RETURNED: { digestSummary: 'Customs review returned' },
    CUSTOMS_REQUEST_RELEASED: { digestSummary: 'Customs disclosure released' },
    PAST_TRAVEL_REQUESTED: { digestSummary: 'Past-travel request for DHS' },
    PAST_TRAVEL_ANSWERED: { digestSummary: 'DHS answered a past-travel request' },
    PAST_TRAVEL_DECLINED: { digestSummary: 'Past-travel request declined' },
  });
  composer.registerSubject(DisclosureSubject.CUSTOMS_REQUEST, async (manager, id) => {
    const request = await manager.findOneBy(CustomsRequest, { id });
    return (
      request && {
        referenceNumber: request.referenceNumber,
        formName: 'Customs request (IRC 6103(l)(14))',
        state: request.state,
        path: `/customs-requests/${id}`,
      }
    );
  });
  composer.registerSubject(DisclosureSubject.PAST_TRAVEL_REQUEST, async (manager, id) => {
    const request = await manager.findOneBy(PastTravelRequest, { id });
    return (
      request && {
        referenceNumber: request.referenceNumber,
        formName: 'TECS past-travel request',
        state: request.state,
        path: `/past-travel-requests/${id}`,
      }
    );
  });
}
