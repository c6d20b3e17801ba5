import { InputType, registerEnumType } from 'type-graphql';
import { Order, SortDirection, SortKey } from '../database/keyset-page';
import { OrderInput } from './connection';

/** The orders of a list of filed items that carry a reference number (lookouts, customs and past-travel requests). */
export enum FiledSortField {
  FILED_AT = 'FILED_AT',
  REFERENCE_NUMBER = 'REFERENCE_NUMBER',
}

registerEnumType(FiledSortField, {
  name: 'FiledSortField',
  description: 'What a list of filed items is ordered by (ties broken by id)',
  valuesConfig: {
    FILED_AT: { description: 'When the item was filed (UTC instant)' },
    REFERENCE_NUMBER: { description: 'The reference number, as text (kind, year, sequence)' },
  },
});

@InputType({ description: 'The order of a list of filed items (ties broken by id)' })
export class FiledOrderInput extends OrderInput(FiledSortField) {}

/** The sort keys of a table aliased `alias` with `created_at` and `reference_number` columns. */
export function filedSortKeys(alias: string): Record<FiledSortField, SortKey> {
  return {
    FILED_AT: { name: 'FILED_AT', columns: [{ expression: `${alias}.created_at`, sqlType: 'timestamptz' }] },
    REFERENCE_NUMBER: { name: 'REFERENCE_NUMBER', columns: [{ expression: `${alias}.reference_number`, sqlType: 'text' }] },
  };
}

export const NEWEST_FILED_FIRST: Order<FiledSortField> = { field: FiledSortField.FILED_AT, direction: SortDirection.DESC };

export const OLDEST_FILED_FIRST: Order<FiledSortField> = { field: FiledSortField.FILED_AT, direction: SortDirection.ASC };
