import { OrgContext } from '../org/org-context';
import { CustomsRequestService } from './customs-request.service';
import { DisclosureAccounting } from './disclosure-accounting';
import { TecsDisclosureService } from './tecs-disclosure.service';
import { PastTravelService } from './past-travel.service';

/** What the disclosure resolvers read of a request's context. */
export type DisclosureContext = OrgContext & {
  services: {
    customsRequests: CustomsRequestService;
    disclosureAccounting: DisclosureAccounting;
    tecsDisclosures: TecsDisclosureService;
    pastTravel: PastTravelService;
  };
};
