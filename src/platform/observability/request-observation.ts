import { AsyncLocalStorage } from 'node:async_hooks';

/** What the hub learns about one HTTP request while serving it; the request log line and the metrics read it. */
export interface RequestObservation {
  requestId: string;
  /** The client's operation name, once the document parsed and named one. */
  operationName?: string;
  /** A bounded label for metrics: the one root field selected, `(multiple)`, or why there is none; absent outside GraphQL. */
  operation?: string;
  callerId?: string;
  errorCodes: string[];
}

const current = new AsyncLocalStorage<RequestObservation>();

/** Runs the rest of a request with its observation reachable from anywhere below (GraphQL plugin, log lines). */
export function observeRequest<T>(observation: RequestObservation, run: () => T): T {
  return current.run(observation, run);
}

export function currentRequest(): RequestObservation | undefined {
  return current.getStore();
}
