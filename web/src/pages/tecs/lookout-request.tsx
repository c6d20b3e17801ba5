import { FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { CombinedError, useClient } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { fieldErrorsOf } from '../../api-errors';
import { useDraft } from '../../drafts';
import { CheckboxField, ErrorSummary, FieldErrorsContext, SelectField, TextField, useFocusFirstError } from '../../field';
import { graphql } from '../../documents';
import type { TinType } from '../../gql/graphql';
import { lines, optional } from '../../input';
import { usePageTitle } from '../../page-title';

const RequestLookout = graphql(`
  mutation RequestLookout($input: LookoutRequestInput!) {
    requestLookout(input: $input) {
      id
    }
  }
`);

interface LookoutRequestDraft {
  taxpayerName: string;
  tin: string;
  tinType: TinType;
  dateOfBirth: string;
  address: string;
  international: boolean;
  balanceDue: string;
  taxPeriods: string;
  contactFacts: string;
  criteriaMet: string;
  closureCode: string;
}

const EMPTY: LookoutRequestDraft = {
  taxpayerName: '',
  tin: '',
  tinType: 'SSN',
  dateOfBirth: '',
  address: '',
  international: false,
  balanceDue: '',
  taxPeriods: '',
  contactFacts: '',
  criteriaMet: '',
  closureCode: '',
};

const LABELS: Record<string, string> = {
  taxpayerName: 'Taxpayer name',
  tin: 'TIN',
  dateOfBirth: 'Date of birth',
  address: 'Last known address',
  balanceDue: 'Balance due',
  taxPeriods: 'Tax periods',
  contactFacts: 'Why contact cannot otherwise be made',
  criteriaMet: 'Lookout criteria the case meets',
  closureCode: 'Case closure code',
};

const TIN_TYPES: [TinType, string][] = [
  ['SSN', 'SSN'],
  ['ITIN', 'ITIN'],
  ['EIN', 'EIN'],
];

/** "30 201312" per line → { mft, taxPeriod }; the API checks each. */
function taxPeriodsOf(text: string): { mft: string; taxPeriod: string }[] {
  return lines(text).map((line) => {
    const [mft = '', taxPeriod = ''] = line.split(/[\s,]+/);
    return { mft, taxPeriod };
  });
}

/**
 * The page's fields live under `request.` (the API names them from the mutation's argument: `input.balanceDue`);
 * errors of one tax period (`taxPeriods[1].mft`) are shown on the tax periods field, naming the line.
 */
function onFields(errors: ReturnType<typeof fieldErrorsOf>) {
  return errors.map((e) => {
    const period = /^taxPeriods\[(\d+)\]\.(\w+)$/.exec(e.field);
    return period
      ? { field: 'request.taxPeriods', message: `line ${Number(period[1]) + 1}, ${period[2]}: ${e.message}` }
      : { ...e, field: `request.${e.field}` };
  });
}

/** The revenue officer's Form 6668, TECS Entry Request (IRM 5.1.18.13.7.1), sent to their group manager. */
export function LookoutRequestPage() {
  usePageTitle('Request a lookout (Form 6668)');
  const client = useClient();
  const navigate = useNavigate();
  const [draft, setDraft, discardDraft] = useDraft<LookoutRequestDraft>('lookout.request', EMPTY);
  const [error, setError] = useState<CombinedError | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, error);
  const update = (change: Partial<LookoutRequestDraft>) => setDraft({ ...draft, ...change });
  const fieldErrors = onFields(fieldErrorsOf(error ?? undefined));
  const text = (field: keyof LookoutRequestDraft, hint?: string, multiline = false) => (
    <TextField
      path={`request.${field}`}
      label={LABELS[field]}
      hint={hint}
      multiline={multiline}
      value={draft[field] as string}
      onChange={(value) => update({ [field]: value })}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await client
      .mutation(RequestLookout, {
        input: {
          taxpayerName: draft.taxpayerName,
          tin: draft.tin,
          tinType: draft.tinType,
          dateOfBirth: draft.dateOfBirth,
          address: draft.address,
          international: draft.international,
          balanceDue: draft.balanceDue,
          taxPeriods: taxPeriodsOf(draft.taxPeriods),
          contactFacts: draft.contactFacts,
          criteriaMet: lines(draft.criteriaMet),
          closureCode: optional(draft.closureCode),
        },
      })
      .toPromise();
    setSending(false);
    if (result.error || !result.data) {
      setError(result.error ?? null);
      return;
    }
    discardDraft();
    navigate(`/lookouts/${result.data.requestLookout.id}`);
  }

  return (
    <>
      <h1>Request a lookout (Form 6668)</h1>
      <p>A TECS entry request for a taxpayer you cannot otherwise contact. It goes to your group manager for approval.</p>
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form ref={form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Form 6668">
          <ErrorSummary
            problems={fieldErrors.map((e) => ({
              path: e.field,
              label: LABELS[e.field.replace(/^request\./, '').replace(/\[.*$/, '')] ?? e.field,
              message: e.message,
            }))}
          />
          {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
          {text('taxpayerName')}
          <SelectField
            path="request.tinType"
            label="TIN type"
            placeholder={false}
            value={draft.tinType}
            options={TIN_TYPES}
            onChange={(tinType) => update({ tinType })}
          />
          {text('tin')}
          {text('dateOfBirth', 'YYYY-MM-DD')}
          {text('address')}
          <CheckboxField
            path="request.international"
            label="International taxpayer"
            checked={draft.international}
            onChange={(international) => update({ international })}
          />
          {text('balanceDue', 'In dollars, e.g. 141000.00')}
          {text('taxPeriods', 'One per line: the MFT and the period, e.g. 30 201312', true)}
          {text('criteriaMet', 'One per line (IRM 5.1.18.13.7.1)', true)}
          {text('contactFacts', 'Travel facts and why contact cannot otherwise be made', true)}
          {text('closureCode', 'Optional, if the case is being closed')}
          <button className="usa-button margin-top-2" type="submit" disabled={sending}>
            Send to my group manager
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </>
  );
}
