/**
 * What the platform's GraphQL plumbing (audit, input guard, observer) needs of a request's context. Each
 * module declares the slice it reads (its services and loaders); the app's HubContext is all of them.
 */
export interface RequestContext {
  caller: { id: string };
  /** For the access audit: the request id (also returned as X-Request-Id) and the client address. */
  request: { id: string; clientAddress: string };
}
