import { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { useDraft } from '../../drafts';
import { ErrorSummary, FieldErrorsContext, SelectField, TextField } from '../../field';
import { graphql } from '../../documents';
import type { TinType } from '../../gql/graphql';
import { usePageTitle } from '../../page-title';
import { useStepForm } from './step-form';

const RequestPastTravel = graphql(`
  mutation RequestPastTravel($input: PastTravelRequestInput!) {
    requestPastTravel(input: $input) {
      id
    }
  }
`);

interface PastTravelDraft {
  taxpayerName: string;
  tinType: TinType;
  tin: string;
  dateOfBirth: string;
  travelFrom: string;
  travelTo: string;
  taxYears: string;
  reason: string;
}

const EMPTY: PastTravelDraft = {
  taxpayerName: '',
  tinType: 'SSN',
  tin: '',
  dateOfBirth: '',
  travelFrom: '',
  travelTo: '',
  taxYears: '',
  reason: '',
};

const LABELS: Record<keyof PastTravelDraft, string> = {
  taxpayerName: 'Taxpayer name',
  tinType: 'TIN type',
  tin: 'TIN',
  dateOfBirth: 'Date of birth',
  travelFrom: 'Travel from',
  travelTo: 'Travel to',
  taxYears: 'Tax years of the case',
  reason: 'Why you need it',
};

const TIN_TYPES: [TinType, string][] = [
  ['SSN', 'SSN'],
  ['ITIN', 'ITIN'],
  ['EIN', 'EIN'],
];

/** A revenue officer asks DHS, through the TECS coordinator, for a taxpayer's past travel (seed 000). */
export function PastTravelFormPage() {
  usePageTitle('Request past travel');
  const client = useClient();
  const navigate = useNavigate();
  const [draft, setDraft, discardDraft] = useDraft<PastTravelDraft>('past-travel.request', EMPTY);
  const step = useStepForm();
  const { fieldErrors, error } = step;
  const text = (field: Exclude<keyof PastTravelDraft, 'tinType'>, hint?: string, multiline = false) => (
    <TextField
      path={field}
      label={LABELS[field]}
      hint={hint}
      multiline={multiline}
      value={draft[field]}
      onChange={(value) => setDraft({ ...draft, [field]: value })}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { taxYears, ...rest } = draft;
    const years = taxYears
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const result = await step.run(() =>
      client.mutation(RequestPastTravel, { input: { ...rest, taxYears: years.length ? years : undefined } }).toPromise(),
    );
    if (!result?.data) return;
    discardDraft();
    navigate(`/past-travel/${result.data.requestPastTravel.id}`);
  }

  return (
    <>
      <h1>Request past travel</h1>
      <p>The TECS coordinator sends it to DHS or says why not; you are told when DHS answers.</p>
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form ref={step.form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Past-travel request">
          <ErrorSummary
            problems={fieldErrors.map((e) => ({
              path: e.field,
              label: LABELS[e.field.replace(/\[.*$/, '') as keyof PastTravelDraft] ?? e.field,
              message: e.message,
            }))}
          />
          {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
          {text('taxpayerName')}
          <SelectField
            path="tinType"
            label={LABELS.tinType}
            placeholder={false}
            value={draft.tinType}
            options={TIN_TYPES}
            onChange={(tinType) => setDraft({ ...draft, tinType })}
          />
          {text('tin')}
          {text('dateOfBirth', 'YYYY-MM-DD')}
          {text('travelFrom', 'YYYY-MM-DD')}
          {text('travelTo', 'YYYY-MM-DD')}
          {text('taxYears', 'Optional, e.g. 2013, 2014: a representative may receive the answer only with authority for every one')}
          {text('reason', undefined, true)}
          <button className="usa-button margin-top-2" type="submit" disabled={step.sending}>
            Send to the TECS coordinator
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </>
  );
}
