import { useQuery } from 'urql';
import { CheckboxField, SelectField, TextField } from '../../field';
import { graphql } from '../../documents';
import { optional } from '../../input';
import { FilingModule } from './filing-form';
import { EMPTY_MODULE, MODULE_LABELS, ModuleFields } from './tin-fields';
import { AuthenticationField } from './form-3210';
import type { RevenueOfficerAuthentication } from '../../gql/graphql';

const CategoriesDocument = graphql(`
  query FilingCategories {
    referralCategories(first: 100) {
      code
      name
      trigger
      taxpayerTold
      requiresDln
      completionDays
      irmReference
      active
      firstCallWaitDays
      archivedReturnNeedsDln
      deletedMoreThanDays
      requiresRoAuthentication
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
  returnArchivedOrDeleted: false,
  returnDeletedOn: '',
  // Face to face is the rule; by telephone only for an international taxpayer (IRM 25.25.6.2.3(1)).
  authenticatedBy: 'FACE_TO_FACE' as RevenueOfficerAuthentication,
  returnIsTaxpayers: false,
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
      {chosen?.archivedReturnNeedsDln && (
        <CheckboxField
          path={`${P}.returnArchivedOrDeleted`}
          label="The return was archived or deleted"
          checked={draft.returnArchivedOrDeleted}
          onChange={(returnArchivedOrDeleted) => set({ returnArchivedOrDeleted })}
        />
      )}
      {(chosen?.requiresDln || (chosen?.archivedReturnNeedsDln && draft.returnArchivedOrDeleted)) && (
        <TextField path={`${P}.dln`} label="DLN of the return" hint="14 digits" value={draft.dln} onChange={(dln) => set({ dln })} />
      )}
      <TextField path={`${P}.remarks`} label="Remarks" multiline value={draft.remarks} onChange={(remarks) => set({ remarks })} />
      {chosen?.deletedMoreThanDays != null && (
        <TextField
          path={`${P}.returnDeletedOn`}
          label="Date the return was deleted"
          type="date"
          value={draft.returnDeletedOn}
          onChange={(returnDeletedOn) => set({ returnDeletedOn })}
        />
      )}
      {chosen?.requiresRoAuthentication && (
        <>
          <AuthenticationField prefix={P} value={draft.authenticatedBy} onChange={(authenticatedBy) => set({ authenticatedBy })} />
          <CheckboxField
            path={`${P}.returnIsTaxpayers`}
            label="The return is the taxpayer's"
            checked={draft.returnIsTaxpayers}
            onChange={(returnIsTaxpayers) => set({ returnIsTaxpayers })}
          />
        </>
      )}
      <TextField
        path={`${P}.dateOfFirstCall`}
        label={chosen?.firstCallWaitDays ? 'Date of the first call' : 'Date of the first call (optional)'}
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
    [`${P}.returnArchivedOrDeleted`, 'Return archived or deleted'],
    [`${P}.returnDeletedOn`, 'Date the return was deleted'],
    [`${P}.authenticatedBy`, 'How you authenticated the taxpayer'],
    [`${P}.returnIsTaxpayers`, "The return is the taxpayer's"],
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
      returnArchivedOrDeleted: d.returnArchivedOrDeleted,
      returnDeletedOn: optional(d.returnDeletedOn),
      authenticatedBy: d.authenticatedBy,
      returnIsTaxpayers: d.returnIsTaxpayers,
    },
  }),
  Fields,
};
