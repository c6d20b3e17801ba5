import { useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { Alert, ApiErrorAlert } from '../../alert';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const FailedNotificationsDocument = graphql(`
  query FailedNotifications {
    failedNotifications(first: 500) {
      nodes {
        id
        kind
        urgent
        attempts
        lastError
        createdAt
      }
    }
  }
`);

const RetryNotification = graphql(`
  mutation RetryNotification($id: UUID!) {
    retryNotification(id: $id) {
      id
      status
    }
  }
`);

/** Dead letters: notices the mail server refused for good or that ran out of retries; an admin sends them again. */
export function FailedNotificationsPage() {
  usePageTitle('Failed notifications');
  const me = useMe();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: FailedNotificationsDocument });
  const [outcome, setOutcome] = useState<{ done?: string; error?: CombinedError } | null>(null);
  const rows = data?.failedNotifications.nodes ?? [];

  async function retry(id: string, kind: string) {
    const result = await client.mutation(RetryNotification, { id }).toPromise();
    setOutcome(result.error ? { error: result.error } : { done: `${humanize(kind)} notice queued again.` });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>Failed notifications</h1>
      <p>Notices that could not be delivered. Fix the cause (the address, the mail server), then send them again.</p>
      {outcome?.done && (
        <Alert kind="success" slim>
          <p className="usa-alert__text">{outcome.done}</p>
        </Alert>
      )}
      {outcome?.error && <ApiErrorAlert error={outcome.error} />}
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No failed notifications.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <caption className="usa-sr-only">Failed notifications</caption>
          <thead>
            <tr>
              <th scope="col">Notice</th>
              <th scope="col">Created</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">
                <span className="usa-sr-only">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  {humanize(n.kind)}
                  {n.urgent ? ' (urgent)' : ''}
                </th>
                <td>{formatInstant(n.createdAt, me.function.timeZone)}</td>
                <td>{n.attempts}</td>
                <td>{n.lastError ?? '—'}</td>
                <td>
                  <button type="button" className="usa-button usa-button--outline" onClick={() => void retry(n.id, n.kind)}>
                    Retry<span className="usa-sr-only"> the {humanize(n.kind).toLowerCase()} notice</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
