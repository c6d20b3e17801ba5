import { SelectField, TextField } from '../../field';
import type { RepresentativeAuthorityForm, TecsRecipientInput, TecsRecipientKind } from '../../gql/graphql';
import { RadioField } from './choice-fields';
import { RECIPIENTS } from './tecs-disclosure-labels';

/** A recipient as typed: the representative's authority is asked for only when disclosing, not for a DHS authorization. */
export interface RecipientDraft {
  kind: TecsRecipientKind | '';
  name: string;
  form: RepresentativeAuthorityForm | '';
  reference: string;
  taxYears: string;
}

export const NO_RECIPIENT: RecipientDraft = { kind: '', name: '', form: '', reference: '', taxYears: '' };

export function recipientInput(draft: RecipientDraft, withAuthority: boolean): TecsRecipientInput {
  if (draft.kind !== 'REPRESENTATIVE') return { kind: (draft.kind || 'TAXPAYER') as TecsRecipientKind };
  return {
    kind: 'REPRESENTATIVE',
    name: draft.name,
    authority: withAuthority
      ? {
          form: (draft.form || 'F2848') as RepresentativeAuthorityForm,
          reference: draft.reference,
          taxYears: draft.taxYears
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number),
        }
      : undefined,
  };
}

/** The recipient's fields, under `prefix.recipient.` as the API names them. */
export function RecipientFields(props: {
  prefix: string;
  draft: RecipientDraft;
  withAuthority: boolean;
  onChange(draft: RecipientDraft): void;
}) {
  const { prefix, draft } = props;
  const update = (change: Partial<RecipientDraft>) => props.onChange({ ...draft, ...change });
  return (
    <>
      <RadioField
        path={`${prefix}.recipient.kind`}
        legend="To whom"
        value={draft.kind}
        options={RECIPIENTS}
        onChange={(kind) => update({ kind })}
      />
      {draft.kind === 'REPRESENTATIVE' && (
        <>
          <TextField
            path={`${prefix}.recipient.name`}
            label="Representative’s name"
            value={draft.name}
            onChange={(name) => update({ name })}
          />
          {props.withAuthority && (
            <>
              <SelectField
                path={`${prefix}.recipient.authority.form`}
                label="Authority on file"
                value={draft.form}
                options={[
                  ['F2848', 'Form 2848, power of attorney'],
                  ['F8821', 'Form 8821, tax information authorization'],
                ]}
                onChange={(form) => update({ form })}
              />
              <TextField
                path={`${prefix}.recipient.authority.reference`}
                label="Authority reference (CAF number)"
                value={draft.reference}
                onChange={(reference) => update({ reference })}
              />
              <TextField
                path={`${prefix}.recipient.authority.taxYears`}
                label="Tax years it covers"
                hint="e.g. 2013, 2014: they must include every tax year of the case"
                value={draft.taxYears}
                onChange={(taxYears) => update({ taxYears })}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
