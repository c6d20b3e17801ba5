import { CheckboxField, SelectField, TextField } from '../../field';
import type { RevenueOfficerAuthentication } from '../../gql/graphql';
import { optional } from '../../input';
import { FilingModule } from './filing-form';
import { EMPTY_MODULE, MODULE_LABELS, ModuleFields } from './tin-fields';

const ATTACHMENT = { title: '', documentType: '', pageCount: '', description: '', signedReturn: false };

/** IRM 25.25.6.2.3(1): how the revenue officer authenticated the taxpayer. */
const AUTHENTICATION: [RevenueOfficerAuthentication, string][] = [
  ['FACE_TO_FACE', 'Face to face'],
  ['TELEPHONE_INTERNATIONAL', 'By telephone (international taxpayer)'],
];

/** How the revenue officer authenticated the taxpayer (IRM 25.25.6.2.3(1)): asked by the 3210 and the RO's UP 126 RC 0 4442. */
export function AuthenticationField(props: {
  prefix: string;
  value: RevenueOfficerAuthentication;
  onChange(value: RevenueOfficerAuthentication): void;
}) {
  return (
    <SelectField
      path={`${props.prefix}.authenticatedBy`}
      label="How you authenticated the taxpayer"
      value={props.value}
      options={AUTHENTICATION}
      placeholder={false}
      onChange={props.onChange}
    />
  );
}
type Attachment = typeof ATTACHMENT;

const EMPTY = {
  routing: '',
  ...EMPTY_MODULE,
  remarks: '',
  additionalComments: '',
  attachments: [ATTACHMENT],
  // Face to face is the rule; by telephone only for an international taxpayer.
  authenticatedBy: 'FACE_TO_FACE' as RevenueOfficerAuthentication,
};
type Draft = typeof EMPTY;

const P = 'form3210';

function Fields({ draft, set }: { draft: Draft; set(change: Partial<Draft>): void }) {
  const attachments = draft.attachments;
  return (
    <>
      <TextField
        path={`${P}.routing`}
        label="Routing"
        hint="e.g. the RIVO address or stop"
        value={draft.routing}
        onChange={(routing) => set({ routing })}
      />
      <ModuleFields prefix={P} draft={draft} set={set} />
      <AuthenticationField prefix={P} value={draft.authenticatedBy} onChange={(authenticatedBy) => set({ authenticatedBy })} />
      <TextField path={`${P}.remarks`} label="Remarks" multiline value={draft.remarks} onChange={(remarks) => set({ remarks })} />
      <TextField
        path={`${P}.additionalComments`}
        label="Additional comments (optional)"
        multiline
        value={draft.additionalComments}
        onChange={(additionalComments) => set({ additionalComments })}
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">Documents transmitted</legend>
        <p className="usa-hint">
          List each document here. Once the referral is filed its page opens: attach the files themselves there (PDF, TIFF, PNG or JPEG), so
          they travel with the referral.
        </p>
        {attachments.map((a, i) => {
          const change = (part: Partial<Attachment>) => set({ attachments: attachments.map((x, j) => (j === i ? { ...x, ...part } : x)) });
          const path = `${P}.attachments[${i}]`;
          return (
            <div key={i} className="border-bottom border-base-lighter padding-bottom-2">
              <TextField
                path={`${path}.title`}
                label={`Document ${i + 1}: title`}
                value={a.title}
                onChange={(title) => change({ title })}
              />
              <TextField
                path={`${path}.documentType`}
                label={`Document ${i + 1}: type`}
                hint="e.g. Form 1040, signed"
                value={a.documentType}
                onChange={(documentType) => change({ documentType })}
              />
              <TextField
                path={`${path}.pageCount`}
                label={`Document ${i + 1}: pages (optional)`}
                type="number"
                value={a.pageCount}
                onChange={(pageCount) => change({ pageCount })}
              />
              <TextField
                path={`${path}.description`}
                label={`Document ${i + 1}: description (optional)`}
                value={a.description}
                onChange={(description) => change({ description })}
              />
              <CheckboxField
                path={`${path}.signedReturn`}
                label={`Document ${i + 1} is the taxpayer's signed return`}
                checked={a.signedReturn}
                onChange={(signedReturn) => change({ signedReturn })}
              />
              {attachments.length > 1 && (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={() => set({ attachments: attachments.filter((_, j) => j !== i) })}
                >
                  Remove document {i + 1}
                </button>
              )}
            </div>
          );
        })}
        <button
          type="button"
          className="usa-button usa-button--outline margin-top-2"
          onClick={() => set({ attachments: [...attachments, ATTACHMENT] })}
        >
          Add a document
        </button>
      </fieldset>
    </>
  );
}

/** Form 3210, Document Transmittal (IRM 25.25.6.2.3): the module and the documents sent with it. */
export const FORM_3210: FilingModule<Draft> = {
  form: 'F3210',
  title: 'Form 3210, Document Transmittal',
  empty: EMPTY,
  labels: [
    [`${P}.routing`, 'Routing'],
    ...MODULE_LABELS(P),
    [`${P}.remarks`, 'Remarks'],
    [`${P}.additionalComments`, 'Additional comments'],
    [`${P}.attachments`, 'Documents'],
    [`${P}.authenticatedBy`, 'How you authenticated the taxpayer'],
  ],
  content: (d) => ({
    form3210: {
      routing: d.routing,
      tinType: d.tinType,
      tin: d.tin,
      taxPeriod: d.taxPeriod,
      mft: d.mft,
      remarks: d.remarks,
      additionalComments: optional(d.additionalComments),
      attachments: d.attachments.map((a) => ({
        title: a.title,
        documentType: a.documentType,
        pageCount: a.pageCount.trim() === '' ? undefined : Number(a.pageCount),
        description: optional(a.description),
        signedReturn: a.signedReturn,
      })),
      authenticatedBy: d.authenticatedBy,
    },
  }),
  Fields,
};
