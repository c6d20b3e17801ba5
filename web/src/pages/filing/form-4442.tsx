import { useQuery } from 'urql';
import { CheckboxField, SelectField, TextField } from '../../field';
import { graphql } from '../../gql';
import { optional } from '../../input';
import { FilingModule } from './filing-form';
import { EMPTY_MODULE, MODULE_LABELS, ModuleFields } from './tin-fields';

const CategoriesDocument = graphql(`
  query FilingCategories {
    referralCategories(first: 500) {
      code
      name
      trigger
      taxpayerTold
      requiresDln
      completionDays
      irmReference
      active
    }
  }
`);

const EMPTY = {
  category: '',
  ...EMPTY_MODULE,
  dln: '',
  remarks: '',
  taxpayerAuthenticated: false,
  dateOfFirstCall: '',
};
type Draft = typeof EMPTY;

const P = 'form4442';

function Fields({ draft, set }: { draft: Draft; set(change: Partial<Draft>): void }) {
  const [{ data }] = useQuery({ query: CategoriesDocument });
  const categories = data?.referralCategories.filter((c) => c.active) ?? [];
  const chosen = categories.find((c) => c.code === draft.category);
  return (
    <>
      <SelectField
        path={`${P}.category`}
        label="Category"
        value={draft.category}
        options={categories.map((c) => [c.code, c.name])}
        onChange={(category) => set({ category })}
      />
      <div className="usa-summary-box margin-bottom-2" aria-live="polite">
        {chosen ? (
          <div className="usa-summary-box__body">
            <p className="usa-summary-box__heading text-bold">{chosen.name}</p>
            <p>
              <strong>Use it when:</strong> {chosen.trigger}
            </p>
            <p>
              <strong>The taxpayer is told:</strong> {chosen.taxpayerTold ?? 'nothing particular'}
            </p>
            <p>
              {chosen.completionDays ? `Completion time frame: ${chosen.completionDays} days. ` : ''}
              {chosen.requiresDln ? 'Needs the DLN of the return. ' : ''}({chosen.irmReference})
            </p>
          </div>
        ) : (
          <p className="usa-summary-box__body">Pick a category to see when to use it and what the taxpayer is told.</p>
        )}
      </div>
      <ModuleFields prefix={P} draft={draft} set={set} mftOptional />
      {chosen?.requiresDln && (
        <TextField path={`${P}.dln`} label="DLN of the return" hint="14 digits" value={draft.dln} onChange={(dln) => set({ dln })} />
      )}
      <TextField path={`${P}.remarks`} label="Remarks" multiline value={draft.remarks} onChange={(remarks) => set({ remarks })} />
      <TextField
        path={`${P}.dateOfFirstCall`}
        label="Date of the first call (optional)"
        type="date"
        value={draft.dateOfFirstCall}
        onChange={(dateOfFirstCall) => set({ dateOfFirstCall })}
      />
      <CheckboxField
        path={`${P}.taxpayerAuthenticated`}
        label="The taxpayer has been authenticated"
        checked={draft.taxpayerAuthenticated}
        onChange={(taxpayerAuthenticated) => set({ taxpayerAuthenticated })}
      />
    </>
  );
}

/** Form 4442 / e-4442, Inquiry Referral (IRM 25.25.6). */
export const FORM_4442: FilingModule<Draft> = {
  form: 'F4442',
  title: 'Form 4442, Inquiry Referral',
  empty: EMPTY,
  labels: [
    [`${P}.category`, 'Category'],
    ...MODULE_LABELS(P),
    [`${P}.dln`, 'DLN'],
    [`${P}.remarks`, 'Remarks'],
    [`${P}.dateOfFirstCall`, 'Date of the first call'],
    [`${P}.taxpayerAuthenticated`, 'Taxpayer authenticated'],
  ],
  content: (d) => ({
    form4442: {
      category: d.category,
      tinType: d.tinType,
      tin: d.tin,
      taxPeriod: d.taxPeriod,
      mft: optional(d.mft),
      dln: optional(d.dln),
      remarks: d.remarks,
      taxpayerAuthenticated: d.taxpayerAuthenticated,
      dateOfFirstCall: optional(d.dateOfFirstCall),
    },
  }),
  Fields,
};
