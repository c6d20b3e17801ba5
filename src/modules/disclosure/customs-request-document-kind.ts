import { ACCESS_POLICY, rolesAllow } from '../auth/access-policy';
import { Caller } from '../org/caller';

/** How Customs requests' documents are stored and named in upload URLs (`POST /documents/customs-request/<request id>`). */
export const CUSTOMS_REQUEST_DOCUMENT_OWNER = 'customs-request';

/** The Customs request history entry of each attachment (outside the lifecycle table: it changes no state). */
export const CUSTOMS_DOCUMENT_ATTACHED = 'DOCUMENT_ATTACHED';

/** Whoever may read a Customs request (the access policy's `customsRequest` entry) keeps its documents, in every state. */
export const mayKeepCustomsDocuments = (caller: Caller): boolean => rolesAllow(ACCESS_POLICY.customsRequest, caller.employee.roles);
