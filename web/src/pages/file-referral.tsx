import { useDraft } from '../drafts';
import type { ReferralForm } from '../gql/graphql';
import { usePageTitle } from '../page-title';
import { FilingForm } from './filing/filing-form';
import { FORM_14566 } from './filing/form-14566';
import { FORM_3210 } from './filing/form-3210';
import { FORM_4442 } from './filing/form-4442';

const CHOICES: [ReferralForm, string, string][] = [
  ['F14566', FORM_14566.title, 'BMF identity theft: to the EF team, CI, CAWR, SP Entity or another liaison'],
  ['F4442', FORM_4442.title, 'An inquiry a category (queue) of IRM 25.25.6 handles'],
  ['F3210', FORM_3210.title, 'Documents sent on, e.g. a signed return to RIVO'],
];

/** Where a filed referral goes first: a 14566 to the originator's liaison; a 4442 or 3210 straight to RIVO's queue (IRM 25.25.6.2.3). */
const STRAIGHT_TO_QUEUE =
  "It goes straight into the receiving function's queue, with no liaison review: one of its employees checks it out.";
const FIRST_STOP: Record<ReferralForm, string> = {
  F14566: "It goes to your own function's BMF ID theft liaison, who reviews it and forwards it to the receiving function.",
  F4442: STRAIGHT_TO_QUEUE,
  F3210: STRAIGHT_TO_QUEUE,
};

/** File a referral: a 14566 through the liaisons, a 4442 or 3210 straight to the receiving function. */
export function FileReferralPage() {
  usePageTitle('File a referral');
  const [form, setForm] = useDraft<ReferralForm>('file.form', 'F14566');
  return (
    <>
      <h1>File a referral</h1>
      <p>{FIRST_STOP[form]}</p>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Which form</legend>
        {CHOICES.map(([value, title, description]) => (
          <div key={value} className="usa-radio">
            <input
              className="usa-radio__input usa-radio__input--tile"
              id={`form-${value}`}
              type="radio"
              name="form"
              value={value}
              checked={form === value}
              onChange={() => setForm(value)}
            />
            <label className="usa-radio__label" htmlFor={`form-${value}`}>
              {title}
              <span className="usa-checkbox__label-description">{description}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {form === 'F14566' && <FilingForm key="F14566" module={FORM_14566} />}
      {form === 'F4442' && <FilingForm key="F4442" module={FORM_4442} />}
      {form === 'F3210' && <FilingForm key="F3210" module={FORM_3210} />}
    </>
  );
}
