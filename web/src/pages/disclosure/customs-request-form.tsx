import { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { ApiErrorAlert } from '../../alert';
import { useDraft } from '../../drafts';
import { ErrorSummary, FieldErrorsContext, SelectField, TextField } from '../../field';
import { graphql } from '../../documents';
import type { CustomsAuditCertification, TinType } from '../../gql/graphql';
import { lines, optional } from '../../input';
import { usePageTitle } from '../../page-title';
import { useStepForm } from './step-form';
import { CERTIFICATIONS } from './customs-labels';

const RecordCustomsRequest = graphql(`
  mutation RecordCustomsRequest($input: RecordCustomsRequestInput!) {
    recordCustomsRequest(input: $input) {
      id
    }
  }
`);

interface ItemDraft {
  description: string;
  taxPeriod: string;
  purpose: string;
  necessity: string;
}

interface CustomsRequestDraft {
  letterReference: string;
  receivedOn: string;
  taxpayerName: string;
  tinType: TinType | '';
  tin: string;
  items: ItemDraft[];
  recipientTitles: string;
  auditCertification: CustomsAuditCertification | '';
}

const NO_ITEM: ItemDraft = { description: '', taxPeriod: '', purpose: '', necessity: '' };

const EMPTY: CustomsRequestDraft = {
  letterReference: '',
  receivedOn: '',
  taxpayerName: '',
  tinType: '',
  tin: '',
  items: [NO_ITEM],
  recipientTitles: '',
  auditCertification: '',
};

const LABELS: Record<string, string> = {
  letterReference: 'Customs reference of the letter',
  receivedOn: 'Received on',
  taxpayerName: 'Taxpayer name',
  tinType: 'TIN type',
  tin: 'TIN',
  recipientTitles: 'Customs officers and employees authorized, by title',
  auditCertification: 'Section 509 audit certification',
};

const ITEM_LABELS: [keyof ItemDraft, string, string][] = [
  ['description', 'Item of return information', '(b)(1): the particular item'],
  ['taxPeriod', 'Taxable period or date', '(b)(3), e.g. 2024'],
  ['purpose', 'Purpose', '(b)(4): what Customs needs it for'],
  ['necessity', 'How it is necessary to that purpose', '(b)(4)'],
];

const TIN_TYPES: [TinType, string][] = [
  ['EIN', 'EIN'],
  ['SSN', 'SSN'],
  ['ITIN', 'ITIN'],
];

/** "items[1].purpose" → "Item 2: Purpose"; other fields by their label. */
function labelOf(field: string): string {
  const item = /^items\[(\d+)\]\.(\w+)$/.exec(field);
  if (item) return `Item ${Number(item[1]) + 1}: ${ITEM_LABELS.find(([key]) => key === item[2])?.[1] ?? item[2]}`;
  return LABELS[field.replace(/\[.*$/, '')] ?? field;
}

/**
 * A disclosure officer records a written Customs request: every element of 26 CFR 301.6103(l)(14)-1(b) is a field,
 * and each one the API finds missing is said beside it (with its paragraph), the first focused.
 */
export function CustomsRequestFormPage() {
  usePageTitle('Record a Customs request');
  const client = useClient();
  const navigate = useNavigate();
  const [draft, setDraft, discardDraft] = useDraft<CustomsRequestDraft>('customs.request', EMPTY);
  const step = useStepForm();
  const update = (change: Partial<CustomsRequestDraft>) => setDraft({ ...draft, ...change });
  const updateItem = (index: number, change: Partial<ItemDraft>) =>
    update({ items: draft.items.map((item, i) => (i === index ? { ...item, ...change } : item)) });
  const { fieldErrors, error } = step;
  const text = (field: 'letterReference' | 'receivedOn' | 'taxpayerName' | 'tin' | 'recipientTitles', hint?: string, multiline = false) => (
    <TextField
      path={field}
      label={LABELS[field]}
      hint={hint}
      multiline={multiline}
      value={draft[field]}
      onChange={(value) => update({ [field]: value })}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await step.run(() =>
      client
        .mutation(RecordCustomsRequest, {
          input: {
            letterReference: optional(draft.letterReference),
            receivedOn: optional(draft.receivedOn),
            taxpayerName: optional(draft.taxpayerName),
            tinType: draft.tinType || undefined,
            tin: optional(draft.tin),
            items: draft.items.map((item) => ({
              description: optional(item.description),
              taxPeriod: optional(item.taxPeriod),
              purpose: optional(item.purpose),
              necessity: optional(item.necessity),
            })),
            recipientTitles: lines(draft.recipientTitles),
            auditCertification: draft.auditCertification || undefined,
          },
        })
        .toPromise(),
    );
    if (!result?.data) return;
    discardDraft();
    navigate(`/customs-requests/${result.data.recordCustomsRequest.id}`);
  }

  return (
    <>
      <h1>Record a Customs request</h1>
      <p>
        A written request of the Commissioner of Customs under 26 CFR 301.6103(l)(14)-1. It is accepted only with every element of paragraph
        (b); attach the letter itself on the request’s page once recorded.
      </p>
      <FieldErrorsContext.Provider value={fieldErrors}>
        <form ref={step.form} className="usa-form usa-form--large" onSubmit={submit} aria-label="Customs request">
          <ErrorSummary problems={fieldErrors.map((e) => ({ path: e.field, label: labelOf(e.field), message: e.message }))} />
          {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
          {text('letterReference', 'As the letter gives it, e.g. CBP-RA-2026-0417')}
          {text('receivedOn', 'YYYY-MM-DD')}
          <fieldset className="usa-fieldset margin-top-3">
            <legend className="usa-legend">(b)(2) The taxpayer</legend>
            {text('taxpayerName')}
            <SelectField
              path="tinType"
              label={LABELS.tinType}
              value={draft.tinType}
              options={TIN_TYPES}
              onChange={(tinType) => update({ tinType })}
            />
            {text('tin')}
          </fieldset>
          {draft.items.map((item, index) => (
            <fieldset key={index} className="usa-fieldset margin-top-3">
              <legend className="usa-legend">Item {index + 1}</legend>
              {ITEM_LABELS.map(([key, label, hint]) => (
                <TextField
                  key={key}
                  path={`items[${index}].${key}`}
                  label={label}
                  hint={hint}
                  multiline={key !== 'taxPeriod'}
                  value={item[key]}
                  onChange={(value) => updateItem(index, { [key]: value })}
                />
              ))}
              {draft.items.length > 1 && (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled margin-top-1"
                  onClick={() => update({ items: draft.items.filter((_, i) => i !== index) })}
                >
                  Remove item {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => update({ items: [...draft.items, NO_ITEM] })}
          >
            Add an item
          </button>
          {text('recipientTitles', '(b)(4): one title per line', true)}
          <SelectField
            path="auditCertification"
            label={LABELS.auditCertification}
            hint="(b)(4): what the letter certifies"
            value={draft.auditCertification}
            options={CERTIFICATIONS}
            onChange={(auditCertification) => update({ auditCertification })}
          />
          <button className="usa-button margin-top-2" type="submit" disabled={step.sending}>
            Record the request
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </>
  );
}
