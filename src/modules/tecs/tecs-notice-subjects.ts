import { NoticeComposer } from '../../platform/notifications/notice-composer';
import { Crossing } from './crossing.entity';
import { Lookout } from './lookout.entity';
import { OtherInvestigation } from './other-investigation.entity';
import { TecsSubject } from './tecs-history.entity';

/** How TECS notices name what they are about (a reference and a state, never the taxpayer) and how they are sent. */
export function registerTecsNoticeSubjects(composer: NoticeComposer): void {
  // A crossing is time-critical: the coordinator acts now.
  composer.registerKinds({ CROSSING_REPORTED: { highPriority: true } });
  composer.registerSubject(TecsSubject.LOOKOUT, async (manager, id) => {
    const lookout = await manager.findOneBy(Lookout, { id });
    return (
      lookout && {
        referenceNumber: lookout.referenceNumber,
        formName: 'Form 6668, TECS Entry Request',
        state: lookout.state,
        path: `/lookouts/${id}`,
      }
    );
  });
  composer.registerSubject(TecsSubject.CROSSING, async (manager, id) => {
    const crossing = await manager.findOneBy(Crossing, { id });
    return (
      crossing && {
        referenceNumber: crossing.referenceNumber,
        formName: 'DHS crossing report',
        state: crossing.status,
        path: `/crossings/${id}`,
      }
    );
  });
  composer.registerSubject(TecsSubject.INVESTIGATION, async (manager, id) => {
    const oi = await manager.findOneBy(OtherInvestigation, { id });
    return (
      oi && { referenceNumber: oi.referenceNumber, formName: 'Other investigation (OI)', state: oi.state, path: `/investigations/${id}` }
    );
  });
}
