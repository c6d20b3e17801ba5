import { FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { ApiErrorAlert } from '../alert';
import { fieldErrorsOf } from '../api-errors';
import { useDraft } from '../drafts';
import { ErrorSummary, Field, focusFirstError } from '../field';
import { humanize } from '../format';
import { graphql } from '../gql';
import type { Referral14566Purpose } from '../gql/graphql';
import { usePageTitle } from '../page-title';

const FunctionsDocument = graphql(`
  query FilingFunctions {
    businessFunctions {
      id
      code
      name
    }
  }
`);

const FileReferralDocument = graphql(`
  mutation FileReferral($input: FileReferralInput!) {
    fileReferral(input: $input) {
      id
      referenceNumber
    }
  }
`);

const PURPOSES: Referral14566Purpose[] = [
  'EF_SCHEME_CHECK',
  'CI_SCHEME_SEARCH',
  'CI_DETERMINATION_NOTICE',
  'CAWR_FALSE_INCOME_DOCUMENTS',
  'SP_ENTITY_TC020',
  'GENERAL_ACTION_REQUEST',
];

const ADDRESS = { line1: '', line2: '', city: '', state: '', zip: '' };
const EMPTY_14566 = {
  receivingFunctionId: '',
  purpose: 'EF_SCHEME_CHECK' as Referral14566Purpose,
  business: { name: '', ein: '', address: { ...ADDRESS } },
  taxpayer: { name: '', ssn: '', address: { ...ADDRESS } },
  affectedReturns: [{ returnType: '', mft: '', taxPeriod: '' }],
  completedResearch: '',
  requestedActions: '',
  w2Findings: '',
  contact: { name: '', phone: '', fax: '' },
};
type Draft14566 = typeof EMPTY_14566;
type Address = typeof ADDRESS;

const P = 'form14566';

/** Labels of the API's field paths, for the error summary (in the order the form shows them). */
const LABELS: [string, string][] = [
  ['receivingFunctionId', 'Receiving function'],
  [`${P}.purpose`, 'Purpose'],
  [`${P}.business.name`, 'Business name'],
  [`${P}.business.ein`, 'EIN'],
  [`${P}.business.address`, 'Business address'],
  [`${P}.taxpayer.name`, 'Responsible party name'],
  [`${P}.taxpayer.ssn`, 'SSN'],
  [`${P}.taxpayer.address`, 'Responsible party address'],
  [`${P}.affectedReturns`, 'Affected returns'],
  [`${P}.completedResearch`, 'Completed research'],
  [`${P}.requestedActions`, 'Requested actions'],
  [`${P}.w2Findings`, 'W-2 findings'],
  [`${P}.originatorContact.name`, 'Your name'],
  [`${P}.originatorContact.phone`, 'Your phone'],
  [`${P}.originatorContact.fax`, 'Your fax'],
];
const labelOf = (path: string) => LABELS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))?.[1] ?? path;

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * Form 14566 (IRM 10.5.3.3.7.1(3)). What is typed is kept as a draft until the referral is filed; each problem the
 * API finds is shown beside its field and in a summary that screen readers announce, and focus moves to the first.
 */
export function FileReferralPage() {
  usePageTitle('File a Form 14566');
  const navigate = useNavigate();
  const [{ data: functions }] = useQuery({ query: FunctionsDocument });
  const [draft, setDraft, discardDraft] = useDraft<Draft14566>('file.14566', EMPTY_14566);
  const [, fileReferral] = useMutation(FileReferralDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = fieldErrorsOf(error ?? undefined);
  const errorOf = (path: string) => fieldErrors.filter((e) => e.field === path).map((e) => e.message).join('; ') || undefined;
  const set = (change: Partial<Draft14566>) => setDraft({ ...draft, ...change });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const address = (a: Address) => ({ ...a, line2: a.line2.trim() || undefined });
    const result = await fileReferral({
      input: {
        form: 'F14566',
        receivingFunctionId: draft.receivingFunctionId,
        content: {
          form14566: {
            purpose: draft.purpose,
            business: { ...draft.business, address: address(draft.business.address) },
            taxpayer: { ...draft.taxpayer, address: address(draft.taxpayer.address) },
            affectedReturns: draft.affectedReturns,
            completedResearch: lines(draft.completedResearch),
            requestedActions: draft.requestedActions,
            w2Findings: draft.w2Findings.trim() || undefined,
            originatorContact: draft.contact,
          },
        },
      },
    });
    setSending(false);
    if (result.error || !result.data) {
      setError(result.error ?? null);
      setTimeout(() => focusFirstError(form.current) ?? undefined, 0);
      return;
    }
    discardDraft();
    navigate(`/referrals/${result.data.fileReferral.id}`, { state: { filed: result.data.fileReferral.referenceNumber } });
  }

  const text = (path: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <Field path={path} label={label} hint={hint} error={errorOf(path)}>
      {(control) => <input className="usa-input" {...control} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
  const addressFields = (who: 'business' | 'taxpayer') => {
    const value = draft[who].address;
    const change = (part: Partial<Address>) => set({ [who]: { ...draft[who], address: { ...value, ...part } } });
    const path = `${P}.${who}.address`;
    return (
      <>
        {text(`${path}.line1`, 'Street address', value.line1, (line1) => change({ line1 }))}
        {text(`${path}.line2`, 'Street address line 2 (optional)', value.line2, (line2) => change({ line2 }))}
        {text(`${path}.city`, 'City', value.city, (city) => change({ city }))}
        {text(`${path}.state`, 'State', value.state, (state) => change({ state }), 'Two letters, e.g. DC')}
        {text(`${path}.zip`, 'ZIP code', value.zip, (zip) => change({ zip }))}
      </>
    );
  };

  return (
    <>
      <h1>File a Form 14566, BMF Identity Theft Referral</h1>
      <p>
        It goes to your own function's BMF ID theft liaison, who reviews it and forwards it. Forms 4442 and 3210 cannot be
        filed from the console yet.
      </p>
      <form ref={form} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        <ErrorSummary problems={fieldErrors.map((e) => ({ path: e.field, label: labelOf(e.field), message: e.message }))} />
        {error && fieldErrors.length === 0 && <ApiErrorAlert error={error} />}
        <Field path="receivingFunctionId" label="Receiving function" error={errorOf('receivingFunctionId')}>
          {(control) => (
            <select className="usa-select" {...control} value={draft.receivingFunctionId} onChange={(e) => set({ receivingFunctionId: e.target.value })}>
              <option value="">- Select -</option>
              {functions?.businessFunctions.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({f.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={`${P}.purpose`} label="Purpose" error={errorOf(`${P}.purpose`)}>
          {(control) => (
            <select className="usa-select" {...control} value={draft.purpose} onChange={(e) => set({ purpose: e.target.value as Referral14566Purpose })}>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {humanize(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend usa-legend--large">The business</legend>
          {text(`${P}.business.name`, 'Business name', draft.business.name, (name) => set({ business: { ...draft.business, name } }))}
          {text(`${P}.business.ein`, 'EIN', draft.business.ein, (ein) => set({ business: { ...draft.business, ein } }), '12-3456789 or 9 digits')}
          {addressFields('business')}
        </fieldset>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend usa-legend--large">The responsible party</legend>
          {text(`${P}.taxpayer.name`, 'Name', draft.taxpayer.name, (name) => set({ taxpayer: { ...draft.taxpayer, name } }))}
          {text(`${P}.taxpayer.ssn`, 'SSN', draft.taxpayer.ssn, (ssn) => set({ taxpayer: { ...draft.taxpayer, ssn } }), '123-45-6789 or 9 digits')}
          {addressFields('taxpayer')}
        </fieldset>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend usa-legend--large">Affected returns</legend>
          {errorOf(`${P}.affectedReturns`) && <span className="usa-error-message">{errorOf(`${P}.affectedReturns`)}</span>}
          {draft.affectedReturns.map((r, i) => {
            const change = (part: Partial<typeof r>) => set({ affectedReturns: draft.affectedReturns.map((x, j) => (j === i ? { ...x, ...part } : x)) });
            const path = `${P}.affectedReturns[${i}]`;
            return (
              <div key={i} className="border-bottom border-base-lighter padding-bottom-2">
                {text(`${path}.returnType`, `Return ${i + 1}: form`, r.returnType, (returnType) => change({ returnType }), "e.g. '941' or '1120-S'")}
                {text(`${path}.mft`, `Return ${i + 1}: MFT`, r.mft, (mft) => change({ mft }), 'Two digits')}
                {text(`${path}.taxPeriod`, `Return ${i + 1}: tax period`, r.taxPeriod, (taxPeriod) => change({ taxPeriod }), 'YYYYMM')}
                {draft.affectedReturns.length > 1 && (
                  <button type="button" className="usa-button usa-button--unstyled" onClick={() => set({ affectedReturns: draft.affectedReturns.filter((_, j) => j !== i) })}>
                    Remove return {i + 1}
                  </button>
                )}
              </div>
            );
          })}
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => set({ affectedReturns: [...draft.affectedReturns, { returnType: '', mft: '', taxPeriod: '' }] })}
          >
            Add a return
          </button>
        </fieldset>
        <Field path={`${P}.completedResearch`} label="Completed research" hint="One item per line" error={errorOf(`${P}.completedResearch`) ?? fieldErrors.filter((e) => e.field.startsWith(`${P}.completedResearch[`)).map((e) => e.message).join('; ') ?? undefined}>
          {(control) => <textarea className="usa-textarea" {...control} value={draft.completedResearch} onChange={(e) => set({ completedResearch: e.target.value })} />}
        </Field>
        <Field path={`${P}.requestedActions`} label="Requested actions" error={errorOf(`${P}.requestedActions`)}>
          {(control) => <textarea className="usa-textarea" {...control} value={draft.requestedActions} onChange={(e) => set({ requestedActions: e.target.value })} />}
        </Field>
        <Field path={`${P}.w2Findings`} label="W-2 findings (optional)" error={errorOf(`${P}.w2Findings`)}>
          {(control) => <textarea className="usa-textarea" {...control} value={draft.w2Findings} onChange={(e) => set({ w2Findings: e.target.value })} />}
        </Field>
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend usa-legend--large">How to reach you</legend>
          {text(`${P}.originatorContact.name`, 'Your name', draft.contact.name, (name) => set({ contact: { ...draft.contact, name } }))}
          {text(`${P}.originatorContact.phone`, 'Your phone', draft.contact.phone, (phone) => set({ contact: { ...draft.contact, phone } }), '10 digits')}
          {text(`${P}.originatorContact.fax`, 'Your fax', draft.contact.fax, (fax) => set({ contact: { ...draft.contact, fax } }), '10 digits')}
        </fieldset>
        <button className="usa-button margin-top-3" type="submit" disabled={sending}>
          File the referral
        </button>
      </form>
    </>
  );
}
