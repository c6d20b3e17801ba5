import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The audit rows of a request's reads, being written while the rest of the answer resolves (the page's fields, its
 * loaders): the answer leaves only once every one is written (auditedAnswersPlugin), so no audited data goes out
 * without its row, and the row's commit does not add to the read's time.
 */
export class PendingAudits {
  private readonly writes: Promise<unknown>[] = [];

  /** Takes a row being written; its failure is kept (never an unhandled rejection) for `failure()`. */
  add(write: Promise<void>): void {
    this.writes.push(
      write.then(
        () => null,
        (error: unknown) => error ?? new Error('the audit write failed'),
      ),
    );
  }

  /** Waits for every row; the first failure, or null when all were written. */
  async failure(): Promise<unknown> {
    const failures = (await Promise.all(this.writes)).filter((outcome) => outcome !== null);
    return failures[0] ?? null;
  }
}

/**
 * Holds each answer until its reads' audit rows are written; when one could not be written, the answer is replaced by
 * INTERNAL_SERVER_ERROR (status 500) and the cause logged: audited data never leaves unaudited.
 */
export function auditedAnswersPlugin(logUnexpectedError: (error: unknown) => void): ApolloServerPlugin<{ pendingAudits: PendingAudits }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const failure = await contextValue.pendingAudits.failure();
          if (failure === null) return;
          logUnexpectedError(failure);
          const error = new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
          response.body = { kind: 'single', singleResult: { errors: [error.toJSON()] } };
          response.http.status = 500;
        },
      };
    },
  };
}
