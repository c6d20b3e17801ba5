import { FormEvent, useState } from 'react';
import { useClient } from 'urql';
import { ApiErrorAlert, Alert } from '../../alert';
import { errorCode } from '../../api-errors';
import { ErrorSummary, FieldErrorsContext, TextField } from '../../field';
import { formatInstant } from '../../format';
import { graphql } from '../../documents';
import type { DiscloseTecsInformationMutation, TecsDisclosureField } from '../../gql/graphql';
import { CheckboxGroupField } from './choice-fields';
import { useStepForm } from './step-form';
import { FIVE_FACTS, fieldName } from './tecs-disclosure-labels';
import { NO_RECIPIENT, RecipientDraft, RecipientFields, recipientInput } from './tecs-recipient';

const DiscloseTecsInformation = graphql(`
  mutation DiscloseTecsInformation($input: DiscloseTecsInformationInput!) {
    discloseTecsInformation(input: $input) {
      disclosure {
        id
        disclosedAt
      }
      values {
        field
        value
      }
    }
  }
`);

const RecordDhsAuthorization = graphql(`
  mutation RecordDhsDisclosureAuthorization($input: RecordDhsDisclosureAuthorizationInput!) {
    recordDhsDisclosureAuthorization(input: $input) {
      id
    }
  }
`);

type TecsDisclosedValue = DiscloseTecsInformationMutation['discloseTecsInformation']['values'][number];

/** Why the API refuses a disclosure (FORBIDDEN, seed 000), said in the form rather than a bare "You may not do this". */
const DISCLOSURE_REFUSED =
  'Not disclosed, nothing recorded: TECS information goes only to the taxpayer or a representative whose Form 2848 or 8821 covers every tax year of the case, and anything besides the five facts only once DHS has authorized it for this recipient.';

/** What is disclosed from: a crossing DHS reported, or DHS's answer to a past-travel request. */
export type TecsSource = { crossingId: string } | { pastTravelRequestId: string };

/** The API names its fields from `input.`; the forms' under their prefix. */
const label = (field: string): string =>
  field
    .replace(/^\w+\./, '')
    .replace(/\./g, ' ')
    .replace(/\[\d+\]/g, '');

function shown(value: TecsDisclosedValue, timeZone: string): string {
  if (!value.value) return '—';
  return value.field === 'CROSSED_AT' || value.field === 'PLANNED_DEPARTURE_AT' ? formatInstant(value.value, timeZone) : value.value;
}

/**
 * Record a disclosure to the taxpayer or their representative (seed 000) and show the values to give them. The
 * five facts are always offered, others only those `dhsFields` names (DHS may have authorized them); the API
 * decides, refusing a representative without authority for every tax year or a field DHS has not authorized.
 */
export function DiscloseForm({
  source,
  dhsFields,
  timeZone,
  onDone,
}: {
  source: TecsSource;
  dhsFields: [TecsDisclosureField, string][];
  timeZone: string;
  onDone(): void;
}) {
  const client = useClient();
  const step = useStepForm('disclose');
  const [recipient, setRecipient] = useState<RecipientDraft>(NO_RECIPIENT);
  const [fields, setFields] = useState<TecsDisclosureField[]>([]);
  const [values, setValues] = useState<TecsDisclosedValue[] | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await step.run(() =>
      client.mutation(DiscloseTecsInformation, { input: { ...source, recipient: recipientInput(recipient, true), fields } }).toPromise(),
    );
    setValues(result?.data?.discloseTecsInformation.values ?? null);
    if (result) onDone();
  }

  return (
    <FieldErrorsContext.Provider value={step.fieldErrors}>
      <form ref={step.form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Record a disclosure">
        <h3>Record a disclosure</h3>
        <ErrorSummary problems={step.fieldErrors.map((e) => ({ path: e.field, label: label(e.field), message: e.message }))} />
        {step.error &&
          step.fieldErrors.length === 0 &&
          (errorCode(step.error) === 'FORBIDDEN' ? (
            <Alert kind="error">
              <p className="usa-alert__text">{DISCLOSURE_REFUSED}</p>
            </Alert>
          ) : (
            <ApiErrorAlert error={step.error} />
          ))}
        <RecipientFields prefix="disclose" draft={recipient} withAuthority onChange={setRecipient} />
        <CheckboxGroupField
          path="disclose.fields"
          legend="What you disclose"
          hint="Taxpayer name, date of birth, place, date and time of crossing and document number need no authorization; anything else needs DHS’s authorization for this recipient"
          values={fields}
          options={[...FIVE_FACTS, ...dhsFields]}
          onChange={setFields}
        />
        <button className="usa-button margin-top-2" type="submit" disabled={step.sending || !recipient.kind || fields.length === 0}>
          Record the disclosure
        </button>
      </form>
      {values && (
        <Alert kind="success">
          <p className="usa-alert__text">Disclosure recorded. What you may tell the recipient:</p>
          <dl className="hub-facts">
            {values.map((v, i) => (
              <div key={`${v.field}-${i}`}>
                <dt>{fieldName(v.field)}</dt>
                <dd>{shown(v, timeZone)}</dd>
              </div>
            ))}
          </dl>
        </Alert>
      )}
    </FieldErrorsContext.Provider>
  );
}

/** Record DHS's authorization to disclose further fields to one recipient ("any additional information requires authorization from DHS"). */
export function DhsAuthorizationForm({
  source,
  offered,
  onDone,
}: {
  source: TecsSource;
  offered: [TecsDisclosureField, string][];
  onDone(): void;
}) {
  const client = useClient();
  const step = useStepForm('authorize');
  const [recipient, setRecipient] = useState<RecipientDraft>(NO_RECIPIENT);
  const [dhsReference, setDhsReference] = useState('');
  const [authorizedOn, setAuthorizedOn] = useState('');
  const [fields, setFields] = useState<TecsDisclosureField[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await step.run(() =>
      client
        .mutation(RecordDhsAuthorization, {
          input: { ...source, recipient: recipientInput(recipient, false), dhsReference, authorizedOn, fields },
        })
        .toPromise(),
    );
    if (done) {
      setFields([]);
      setDhsReference('');
      onDone();
    }
  }

  return (
    <FieldErrorsContext.Provider value={step.fieldErrors}>
      <form ref={step.form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Record a DHS authorization">
        <h3>Record a DHS authorization</h3>
        <ErrorSummary problems={step.fieldErrors.map((e) => ({ path: e.field, label: label(e.field), message: e.message }))} />
        {step.error && step.fieldErrors.length === 0 && <ApiErrorAlert error={step.error} />}
        <RecipientFields prefix="authorize" draft={recipient} withAuthority={false} onChange={setRecipient} />
        <TextField path="authorize.dhsReference" label="DHS reference" value={dhsReference} onChange={setDhsReference} />
        <TextField path="authorize.authorizedOn" label="Authorized on" hint="YYYY-MM-DD" value={authorizedOn} onChange={setAuthorizedOn} />
        <CheckboxGroupField path="authorize.fields" legend="Fields DHS authorized" values={fields} options={offered} onChange={setFields} />
        <button className="usa-button margin-top-2" type="submit" disabled={step.sending || !recipient.kind}>
          Record the authorization
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}
