import { NoticeComposer } from '../../platform/notifications/notice-composer';
import { CUSTOMS_REQUEST_SUBJECT } from './customs-request.service';
import { CustomsRequest } from './customs-request.entity';

/** How disclosure notices name what they are about: the hub's reference and the state, never the taxpayer or the items. */
export function registerDisclosureNotices(composer: NoticeComposer): void {
  composer.registerKinds({
    CUSTOMS_REQUEST_RECEIVED: { digestSummary: 'Customs request received' },
    CUSTOMS_RELEASE_AWAITED: { digestSummary: 'Customs release awaits a second officer' },
    CUSTOMS_REVIEW_RETURNED: { digestSummary: 'Customs review returned' },
    CUSTOMS_REQUEST_RELEASED: { digestSummary: 'Customs disclosure released' },
  });
  composer.registerSubject(CUSTOMS_REQUEST_SUBJECT, async (manager, id) => {
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
}
