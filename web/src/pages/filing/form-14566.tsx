import { Field, SelectField, TextField } from '../../field';
import { humanize } from '../../format';
import type { Referral14566Purpose } from '../../gql/graphql';
import { lines, optional } from '../../input';
import { FilingModule } from './filing-form';

const PURPOSES: Referral14566Purpose[] = [
  'EF_SCHEME_CHECK',
  'CI_SCHEME_SEARCH',
  'CI_DETERMINATION_NOTICE',
  'CAWR_FALSE_INCOME_DOCUMENTS',
  'SP_ENTITY_TC020',
  'GENERAL_ACTION_REQUEST',
];

const ADDRESS = { line1: '', line2: '', city: '', state: '', zip: '' };
type Address = typeof ADDRESS;
const RETURN = { returnType: '', mft: '', taxPeriod: '' };

const EMPTY = {
  purpose: 'EF_SCHEME_CHECK' as Referral14566Purpose,
  business: { name: '', ein: '', address: ADDRESS },
  taxpayer: { name: '', ssn: '', address: ADDRESS },
  affectedReturns: [RETURN],
  completedResearch: '',
  requestedActions: '',
  w2Findings: '',
  contact: { name: '', phone: '', fax: '' },
};
type Draft = typeof EMPTY;

const P = 'form14566';

function AddressFields({ path, value, onChange }: { path: string; value: Address; onChange(value: Address): void }) {
  const change = (part: Partial<Address>) => onChange({ ...value, ...part });
  return (
    <>
      <TextField path={`${path}.line1`} label="Street address" value={value.line1} onChange={(line1) => change({ line1 })} />
      <TextField
        path={`${path}.line2`}
        label="Street address line 2 (optional)"
        value={value.line2}
        onChange={(line2) => change({ line2 })}
      />
      <TextField path={`${path}.city`} label="City" value={value.city} onChange={(city) => change({ city })} />
      <TextField
        path={`${path}.state`}
        label="State"
        hint="Two letters, e.g. DC"
        value={value.state}
        onChange={(state) => change({ state })}
      />
      <TextField path={`${path}.zip`} label="ZIP code" value={value.zip} onChange={(zip) => change({ zip })} />
    </>
  );
}

function Fields({ draft, set }: { draft: Draft; set(change: Partial<Draft>): void }) {
  const returns = draft.affectedReturns;
  return (
    <>
      <SelectField
        path={`${P}.purpose`}
        label="Purpose"
        placeholder={false}
        value={draft.purpose}
        options={PURPOSES.map((p) => [p, humanize(p)])}
        onChange={(purpose) => set({ purpose })}
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">The business</legend>
        <TextField
          path={`${P}.business.name`}
          label="Business name"
          value={draft.business.name}
          onChange={(name) => set({ business: { ...draft.business, name } })}
        />
        <TextField
          path={`${P}.business.ein`}
          label="EIN"
          hint="12-3456789 or 9 digits"
          value={draft.business.ein}
          onChange={(ein) => set({ business: { ...draft.business, ein } })}
        />
        <AddressFields
          path={`${P}.business.address`}
          value={draft.business.address}
          onChange={(address) => set({ business: { ...draft.business, address } })}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">The responsible party</legend>
        <TextField
          path={`${P}.taxpayer.name`}
          label="Name"
          value={draft.taxpayer.name}
          onChange={(name) => set({ taxpayer: { ...draft.taxpayer, name } })}
        />
        <TextField
          path={`${P}.taxpayer.ssn`}
          label="SSN"
          hint="123-45-6789 or 9 digits"
          value={draft.taxpayer.ssn}
          onChange={(ssn) => set({ taxpayer: { ...draft.taxpayer, ssn } })}
        />
        <AddressFields
          path={`${P}.taxpayer.address`}
          value={draft.taxpayer.address}
          onChange={(address) => set({ taxpayer: { ...draft.taxpayer, address } })}
        />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">Affected returns</legend>
        {returns.map((r, i) => {
          const change = (part: Partial<typeof r>) => set({ affectedReturns: returns.map((x, j) => (j === i ? { ...x, ...part } : x)) });
          const path = `${P}.affectedReturns[${i}]`;
          return (
            <div key={i} className="border-bottom border-base-lighter padding-bottom-2">
              <TextField
                path={`${path}.returnType`}
                label={`Return ${i + 1}: form`}
                hint="e.g. 941 or 1120-S"
                value={r.returnType}
                onChange={(returnType) => change({ returnType })}
              />
              <TextField
                path={`${path}.mft`}
                label={`Return ${i + 1}: MFT`}
                hint="Two digits"
                value={r.mft}
                onChange={(mft) => change({ mft })}
              />
              <TextField
                path={`${path}.taxPeriod`}
                label={`Return ${i + 1}: tax period`}
                hint="YYYYMM"
                value={r.taxPeriod}
                onChange={(taxPeriod) => change({ taxPeriod })}
              />
              {returns.length > 1 && (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={() => set({ affectedReturns: returns.filter((_, j) => j !== i) })}
                >
                  Remove return {i + 1}
                </button>
              )}
            </div>
          );
        })}
        <Field path={`${P}.affectedReturns`} label="Another affected return">
          {(control) => (
            <button
              type="button"
              className="usa-button usa-button--outline"
              {...control}
              onClick={() => set({ affectedReturns: [...returns, RETURN] })}
            >
              Add a return
            </button>
          )}
        </Field>
      </fieldset>
      <TextField
        path={`${P}.completedResearch`}
        label="Completed research"
        hint="One item per line"
        multiline
        value={draft.completedResearch}
        onChange={(completedResearch) => set({ completedResearch })}
      />
      <TextField
        path={`${P}.requestedActions`}
        label="Requested actions"
        multiline
        value={draft.requestedActions}
        onChange={(requestedActions) => set({ requestedActions })}
      />
      <TextField
        path={`${P}.w2Findings`}
        label="W-2 findings (optional)"
        multiline
        value={draft.w2Findings}
        onChange={(w2Findings) => set({ w2Findings })}
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">How to reach you</legend>
        <TextField
          path={`${P}.originatorContact.name`}
          label="Your name"
          value={draft.contact.name}
          onChange={(name) => set({ contact: { ...draft.contact, name } })}
        />
        <TextField
          path={`${P}.originatorContact.phone`}
          label="Your phone"
          hint="10 digits"
          value={draft.contact.phone}
          onChange={(phone) => set({ contact: { ...draft.contact, phone } })}
        />
        <TextField
          path={`${P}.originatorContact.fax`}
          label="Your fax"
          hint="10 digits"
          value={draft.contact.fax}
          onChange={(fax) => set({ contact: { ...draft.contact, fax } })}
        />
      </fieldset>
    </>
  );
}

const address = (a: Address) => ({ ...a, line2: optional(a.line2) });

/** Form 14566, BMF Identity Theft Referral: every item of IRM 10.5.3.3.7.1(3). */
export const FORM_14566: FilingModule<Draft> = {
  form: 'F14566',
  title: 'Form 14566, BMF Identity Theft Referral',
  empty: EMPTY,
  labels: [
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
  ],
  content: (d) => ({
    form14566: {
      purpose: d.purpose,
      business: { ...d.business, address: address(d.business.address) },
      taxpayer: { ...d.taxpayer, address: address(d.taxpayer.address) },
      affectedReturns: d.affectedReturns,
      completedResearch: lines(d.completedResearch),
      requestedActions: d.requestedActions,
      w2Findings: optional(d.w2Findings),
      originatorContact: d.contact,
    },
  }),
  Fields,
};
