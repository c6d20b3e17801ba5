import { AsyncLocalStorage } from 'node:async_hooks';

/** The GraphQL mutation being run, so its audit row can be written inside its own transaction. */
export interface MutationAuditContext {
  actorId: string;
  operation: string;
  requestId: string;
  clientAddress: string;
  fields: string[];
  /** Ids named by the arguments plus ids of auditable rows inserted by the mutation. */
  itemIds: Set<string>;
  /** Set once the row is written, so it is written once. */
  written: boolean;
}

export const mutationAuditContext = new AsyncLocalStorage<MutationAuditContext>();
