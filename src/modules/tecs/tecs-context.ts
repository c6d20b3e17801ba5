import { AccessAuditService } from '../../platform/audit/access-audit.service';
import { OrgContext } from '../org/org-context';
import { CrossingService } from './crossing.service';
import { InvestigationService } from './investigation.service';
import { LookoutService } from './lookout.service';
import { TecsLoaders } from './tecs-reads';

/** What the TECS resolvers read of a request's context. */
export type TecsContext = OrgContext & {
  services: { audit: AccessAuditService; lookouts: LookoutService; crossings: CrossingService; investigations: InvestigationService };
  loaders: TecsLoaders;
};
