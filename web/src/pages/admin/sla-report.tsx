import { useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { CsvDownload } from '../../csv-download';
import { TextField } from '../../field';
import { graphql } from '../../documents';
import type { SlaReportQuery } from '../../gql/graphql';
import { usePageTitle } from '../../page-title';

const SlaReportDocument = graphql(`
  query SlaReport($from: DateTime!, $to: DateTime!) {
    slaReport(from: $from, to: $to, first: 200) {
      functionId
      functionCode
      liaisonId
      liaisonName
      received
      acknowledgedOnTime
      acknowledgedLate
      unacknowledgedLate
      medianHoursToAcknowledge
      openBreaches
    }
  }
`);

type Row = SlaReportQuery['slaReport'][number];

const medianText = (r: Row) =>
  r.medianHoursToAcknowledge === null ? 'no median yet' : `median ${r.medianHoursToAcknowledge.toFixed(1)} h`;

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 90;
const CHART_WIDTH = 640;

/**
 * Acknowledged on time vs late per function, as plain SVG (no chart library, nothing fetched): one bar per function,
 * its length the referrals acknowledged, green on time and red late, with the figures written beside it.
 */
function AcknowledgmentChart({ rows }: { rows: Row[] }) {
  const most = Math.max(1, ...rows.map((r) => r.acknowledgedOnTime + r.acknowledgedLate));
  const scale = (CHART_WIDTH - LABEL_WIDTH - 250) / most;
  const height = rows.length * (BAR_HEIGHT + 8) + 8;
  return (
    <figure className="margin-x-0">
      <svg
        role="img"
        aria-labelledby="sla-chart-title sla-chart-desc"
        width={CHART_WIDTH}
        height={height}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      >
        <title id="sla-chart-title">Acknowledged on time and late, per function</title>
        <desc id="sla-chart-desc">
          {rows.map((r) => `${r.functionCode}: ${r.acknowledgedOnTime} on time, ${r.acknowledgedLate} late, ${medianText(r)}`).join('; ')}
        </desc>
        {rows.map((r, i) => {
          const y = 8 + i * (BAR_HEIGHT + 8);
          const onTime = r.acknowledgedOnTime * scale;
          const late = r.acknowledgedLate * scale;
          return (
            <g key={r.functionId}>
              <text x={0} y={y + 16} fontSize="14" fill="#1b1b1b">
                {r.functionCode}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={onTime} height={BAR_HEIGHT} fill="#00a91c" />
              <rect x={LABEL_WIDTH + onTime} y={y} width={late} height={BAR_HEIGHT} fill="#b50909" />
              <text x={LABEL_WIDTH + onTime + late + 6} y={y + 16} fontSize="14" fill="#1b1b1b">
                {r.acknowledgedOnTime} on time, {r.acknowledgedLate} late · {medianText(r)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="hub-swatch hub-swatch--on-time" /> on time <span className="hub-swatch hub-swatch--late margin-left-2" /> late
      </figcaption>
    </figure>
  );
}

function lastDays(days: number): { from: string; to: string } {
  const to = new Date();
  return { from: new Date(to.getTime() - days * 86400_000).toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Dates typed as YYYY-MM-DD: the period from the start of `from` to the end of `to`, in UTC. */
const instants = (period: { from: string; to: string }) => ({ from: `${period.from}T00:00:00Z`, to: `${period.to}T23:59:59.999Z` });

/** The SLA report for managers and admins: per function (and liaison), acknowledged on time vs late and the median hours. */
export function SlaReportPage() {
  usePageTitle('SLA report');
  const [period, setPeriod] = useState(() => lastDays(30));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  const [{ data, error }] = useQuery({ query: SlaReportDocument, variables: instants(period), pause: !valid });
  const rows = data?.slaReport ?? [];
  const functions = rows.filter((r) => !r.liaisonId);

  return (
    <>
      <h1>SLA report</h1>
      <p>
        Referrals received in the period (dates in UTC): acknowledged on time or late, the median hours to acknowledge, and what is late
        now.
      </p>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <TextField path="from" label="From" hint="YYYY-MM-DD" value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
        </div>
        <div className="grid-col-auto">
          <TextField path="to" label="To" hint="YYYY-MM-DD" value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
        </div>
      </div>
      <CsvDownload path="/exports/sla-report.csv" filters={instants(period)} label="Download the report (CSV)" />
      {error && <ApiErrorAlert error={error} />}
      {data && functions.length === 0 && <p>No referrals were received in this period.</p>}
      {functions.length > 0 && (
        <>
          <AcknowledgmentChart rows={functions} />
          <table className="usa-table usa-table--borderless width-full">
            <caption>Per function, then per liaison</caption>
            <thead>
              <tr>
                <th scope="col">Function / liaison</th>
                <th scope="col">Received</th>
                <th scope="col">On time</th>
                <th scope="col">Late</th>
                <th scope="col">Late, not acknowledged</th>
                <th scope="col">Median hours to acknowledge</th>
                <th scope="col">Open breaches</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.functionId}.${r.liaisonId ?? ''}`}>
                  <th scope="row">{r.liaisonId ? `— ${r.liaisonName ?? 'unknown liaison'}` : r.functionCode}</th>
                  <td>{r.received}</td>
                  <td>{r.acknowledgedOnTime}</td>
                  <td>{r.acknowledgedLate}</td>
                  <td>{r.unacknowledgedLate}</td>
                  <td>{r.medianHoursToAcknowledge === null ? '—' : r.medianHoursToAcknowledge.toFixed(1)}</td>
                  <td>{r.liaisonId ? '' : r.openBreaches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
