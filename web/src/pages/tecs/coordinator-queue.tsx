import { Link } from 'react-router';
import { ApiErrorAlert } from '../../alert';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import { useLiveQuery } from '../../live';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';

const CoordinatorQueueDocument = graphql(`
  query CoordinatorQueue {
    tecsCoordinatorQueue(first: 100) {
      crossings {
        id
        referenceNumber
        taxpayerName
        placeOfCrossing
        crossedAt
        plannedDepartureAt
        timeCritical
        flagged
      }
      lookouts {
        id
        referenceNumber
        taxpayerName
        state
        international
        updatedAt
      }
    }
  }
`);

/** The TECS coordinator's queue: new crossings (time-critical first, as the API orders them), then lookout requests. */
export function CoordinatorQueuePage() {
  usePageTitle("TECS coordinator's queue");
  const me = useMe();
  const zone = me.function.timeZone;
  const [{ data, error }, { live }] = useLiveQuery({ query: CoordinatorQueueDocument }, ['crossing', 'lookout']);
  const queue = data?.tecsCoordinatorQueue;
  return (
    <>
      <h1>TECS coordinator&rsquo;s queue</h1>
      <p>
        Crossings DHS reported, time-critical first, then lookout requests waiting for you. Times in {zone}.{' '}
        {live ? 'The queue updates as soon as something changes.' : 'The queue refreshes every 15 seconds.'}
      </p>
      {error && <ApiErrorAlert error={error} />}
      {queue && (
        <>
          <h2>New crossings</h2>
          {queue.crossings.length === 0 ? (
            <p>No new crossings.</p>
          ) : (
            <table className="usa-table usa-table--borderless width-full">
              <caption className="usa-sr-only">New crossings, time-critical first</caption>
              <thead>
                <tr>
                  <th scope="col">Crossing</th>
                  <th scope="col">Taxpayer</th>
                  <th scope="col">Where and when</th>
                  <th scope="col">Planned departure</th>
                </tr>
              </thead>
              <tbody>
                {queue.crossings.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/crossings/${c.id}`}>{c.referenceNumber}</Link>
                      {c.timeCritical && <span className="usa-tag bg-secondary-dark margin-left-1">Time-critical</span>}
                      {c.flagged && <span className="usa-tag margin-left-1">No lookout matched</span>}
                    </th>
                    <td>{c.taxpayerName}</td>
                    <td>
                      {c.placeOfCrossing}, {formatInstant(c.crossedAt, zone)}
                    </td>
                    <td>{formatInstant(c.plannedDepartureAt, zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Lookout requests</h2>
          {queue.lookouts.length === 0 ? (
            <p>No lookout requests are waiting.</p>
          ) : (
            <table className="usa-table usa-table--borderless width-full">
              <caption className="usa-sr-only">Lookout requests waiting for the coordinator, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Taxpayer</th>
                  <th scope="col">State</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {queue.lookouts.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">
                      <Link to={`/lookouts/${l.id}`}>{l.referenceNumber}</Link>
                    </th>
                    <td>
                      {l.taxpayerName} ({l.international ? 'international' : 'domestic'})
                    </td>
                    <td>{humanize(l.state)}</td>
                    <td>{formatInstant(l.updatedAt, zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
