/** How Customs requests' documents are stored and named in upload URLs (`POST /documents/customs-request/<request id>`). */
export const CUSTOMS_REQUEST_DOCUMENT_OWNER = 'customs-request';

/** The Customs request history entry of each attachment (outside the lifecycle table: it changes no state). */
export const CUSTOMS_DOCUMENT_ATTACHED = 'DOCUMENT_ATTACHED';
