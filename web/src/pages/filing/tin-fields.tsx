import { SelectField, TextField } from '../../field';
import type { TinType } from '../../gql/graphql';

const TIN_TYPES: [TinType, string][] = [
  ['SSN', 'SSN (Social Security Number)'],
  ['EIN', 'EIN (Employer Identification Number)'],
  ['ITIN', 'ITIN (Individual Taxpayer Identification Number)'],
];

/** The taxpayer and module items Forms 4442 and 3210 share: TIN and its type, tax period, MFT. */
export interface ModuleDraft {
  tinType: TinType;
  tin: string;
  taxPeriod: string;
  mft: string;
}

export const EMPTY_MODULE: ModuleDraft = { tinType: 'SSN', tin: '', taxPeriod: '', mft: '' };

export function ModuleFields({
  prefix,
  draft,
  set,
  mftOptional,
}: {
  prefix: string;
  draft: ModuleDraft;
  set(change: Partial<ModuleDraft>): void;
  mftOptional?: boolean;
}) {
  return (
    <>
      <SelectField
        path={`${prefix}.tinType`}
        label="TIN type"
        placeholder={false}
        value={draft.tinType}
        options={TIN_TYPES}
        onChange={(tinType) => set({ tinType })}
      />
      <TextField
        path={`${prefix}.tin`}
        label="TIN"
        hint="9 digits, with or without dashes"
        value={draft.tin}
        onChange={(tin) => set({ tin })}
      />
      <TextField
        path={`${prefix}.taxPeriod`}
        label="Tax period"
        hint="YYYYMM"
        value={draft.taxPeriod}
        onChange={(taxPeriod) => set({ taxPeriod })}
      />
      <TextField
        path={`${prefix}.mft`}
        label={mftOptional ? 'MFT (optional)' : 'MFT'}
        hint="Two digits"
        value={draft.mft}
        onChange={(mft) => set({ mft })}
      />
    </>
  );
}

export const MODULE_LABELS = (prefix: string): [string, string][] => [
  [`${prefix}.tinType`, 'TIN type'],
  [`${prefix}.tin`, 'TIN'],
  [`${prefix}.taxPeriod`, 'Tax period'],
  [`${prefix}.mft`, 'MFT'],
];
