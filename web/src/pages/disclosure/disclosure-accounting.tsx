import { FormEvent, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { CombinedError } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { CsvDownload } from '../../csv-download';
import { ErrorSummary, FieldErrorsContext, TextField, useFocusFirstError } from '../../field';
import { fieldErrorsOf } from '../../api-errors';
import { formatInstant, humanize } from '../../format';
import { graphql } from '../../documents';
import type { DisclosureAccountingQuery } from '../../gql/graphql';
import { useMe } from '../../me';
import { usePageTitle } from '../../page-title';
import { fieldName } from './tecs-disclosure-labels';

const DisclosureAccountingDocument = graphql(`
  query DisclosureAccounting($taxpayer: DisclosureAccountingTaxpayerInput!) {
    disclosureAccounting(taxpayer: $taxpayer, first: 500) {
      id
      kind
      sourceReference
      recipient
      information
      authority
      disclosedAt
    }
  }
`);

/**
 * The accounting of disclosures of one taxpayer, by TIN (disclosure officers, auditors, admins). The TIN lives in
 * this page's memory only: it goes in the GraphQL variables and the CSV's POST body, never in a URL, the browser
 * history or a draft.
 */
export function DisclosureAccountingPage() {
  usePageTitle('Accounting of disclosures');
  const me = useMe();
  const client = useClient();
  const [tin, setTin] = useState('');
  const [searched, setSearched] = useState<{ tin: string; data?: DisclosureAccountingQuery } | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error);
  const fieldErrors = fieldErrorsOf(error ?? undefined).map((e) => ({ ...e, field: e.field.replace(/^taxpayer\./, 'search.') }));

  async function search(event: FormEvent) {
    event.preventDefault();
    const result = await client.query(DisclosureAccountingDocument, { taxpayer: { tin } }, { requestPolicy: 'network-only' }).toPromise();
    setError(result.error ?? null);
    setSearched(result.data ? { tin, data: result.data } : null);
  }

  const rows = searched?.data?.disclosureAccounting ?? [];
  return (
    <>
      <h1>Accounting of disclosures</h1>
      <p>What return or TECS information about a taxpayer was disclosed outside the IRS, to whom, when and under which authority.</p>
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form ref={form} className="usa-form" onSubmit={search} aria-label="Search the accounting" autoComplete="off">
          <ErrorSummary problems={fieldErrors.map((e) => ({ path: e.field, label: 'TIN', message: e.message }))} />
          {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
          <TextField path="search.tin" label="Taxpayer TIN" hint="SSN, ITIN or EIN, with or without dashes" value={tin} onChange={setTin} />
          <button className="usa-button margin-top-2" type="submit">
            Search
          </button>
        </form>
      </FieldErrorsContext.Provider>
      {searched && (
        <section aria-labelledby="entries-heading">
          <h2 id="entries-heading">Disclosures, oldest first</h2>
          {rows.length === 0 ? (
            <p>No disclosure of this taxpayer’s information is recorded.</p>
          ) : (
            <table className="usa-table usa-table--borderless width-full">
              <caption className="usa-sr-only">Disclosures of the taxpayer’s information, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">What</th>
                  <th scope="col">Authority</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td>{formatInstant(e.disclosedAt, me.function.timeZone)}</td>
                    <td>{humanize(e.kind)}</td>
                    <th scope="row">{e.sourceReference}</th>
                    <td>{e.recipient}</td>
                    <td>{e.information.map(fieldName).join('; ')}</td>
                    <td>{e.authority}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CsvDownload path="/exports/disclosure-accounting.csv" filters={{ tin: searched.tin }} label="Download the accounting (CSV)" />
        </section>
      )}
    </>
  );
}
