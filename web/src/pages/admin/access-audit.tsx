import { useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { CsvDownload } from '../../csv-download';
import { SelectField, TextField } from '../../field';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { AuditKind, AuditOutcome } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { EmployeeFilter } from './employee-filter';

const AccessAuditDocument = graphql(`
  query AccessAudit($filter: AccessAuditFilter) {
    accessAudit(filter: $filter, first: 200) {
      nodes {
        id
        at
        actor {
          name
          email
        }
        kind
        operation
        outcome
        itemIds
        fields
        clientAddress
      }
    }
  }
`);

const KINDS: [AuditKind, string][] = [
  ['READ', 'Read'],
  ['MUTATION', 'Change'],
  ['UNMASK', 'Full TIN shown'],
];
const OUTCOMES: [AuditOutcome, string][] = [
  ['ALLOWED', 'Allowed'],
  ['FORBIDDEN', 'Refused: forbidden'],
  ['NOT_FOUND', 'Refused: not found'],
];

/** The access audit for admins and auditors: who read or changed what, when, and whether it was refused. */
export function AccessAuditPage() {
  usePageTitle('Access audit');
  const me = useMe();
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [outcome, setOutcome] = useState<AuditOutcome | ''>('');
  const [operation, setOperation] = useState('');
  const [itemId, setItemId] = useState('');
  const [actorId, setActorId] = useState('');
  const filter = {
    kind: kind || undefined,
    outcome: outcome || undefined,
    operation: operation.trim() || undefined,
    itemId: itemId.trim() || undefined,
    actorId: actorId || undefined,
  };
  const [{ data, error }] = useQuery({ query: AccessAuditDocument, variables: { filter } });
  const rows = data?.accessAudit.nodes ?? [];

  return (
    <>
      <h1>Access audit</h1>
      <p>The latest 200 entries matching the filters, newest first; the download has all of them.</p>
      <div className="grid-row grid-gap">
        <div className="grid-col-auto">
          <SelectField path="filter.kind" label="Kind" placeholder="Any kind" value={kind} options={KINDS} onChange={(k) => setKind(k)} />
        </div>
        <div className="grid-col-auto">
          <SelectField
            path="filter.outcome"
            label="Outcome"
            placeholder="Any outcome"
            value={outcome}
            options={OUTCOMES}
            onChange={(o) => setOutcome(o)}
          />
        </div>
        <div className="grid-col-auto">
          <TextField path="filter.operation" label="Operation" hint="e.g. referral" value={operation} onChange={setOperation} />
        </div>
        <div className="grid-col-auto">
          <TextField path="filter.itemId" label="Item id" value={itemId} onChange={setItemId} />
        </div>
        <EmployeeFilter path="filter.actorId" employeeId={actorId} onChange={setActorId} />
      </div>
      <CsvDownload path="/exports/access-audit.csv" filters={filter} label="Download the entries (CSV)" />
      {error && <ApiErrorAlert error={error} />}
      {data && rows.length === 0 && <p>No entries match.</p>}
      {rows.length > 0 && (
        <table className="usa-table usa-table--borderless usa-table--compact width-full">
          <caption className="usa-sr-only">Access audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Employee</th>
              <th scope="col">Operation</th>
              <th scope="col">Outcome</th>
              <th scope="col">Items</th>
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <th scope="row">{formatInstant(e.at, me.function.timeZone)}</th>
                <td>{e.actor ? `${e.actor.name} (${e.actor.email})` : '—'}</td>
                <td>
                  {e.operation} ({humanize(e.kind)})
                </td>
                <td>{humanize(e.outcome)}</td>
                <td>{e.itemIds.join(', ') || '—'}</td>
                <td>{e.fields.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
