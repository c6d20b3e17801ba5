import { Order, SortDirection, SortKey } from '../../platform/database/keyset-page';

/** The orders an OI list can be read in (a cursor belongs to one of them). */
export enum InvestigationSortField {
  URGENCY = 'URGENCY',
  DUE_AT = 'DUE_AT',
}

export const INVESTIGATION_SORT_KEYS: Record<InvestigationSortField, SortKey> = {
  /** Time-critical OIs before the others, each soonest due first (ascending); `NOT` so one direction reads both columns. */
  URGENCY: {
    name: 'URGENCY',
    columns: [
      { expression: 'NOT oi.time_critical', sqlType: 'boolean' },
      { expression: 'oi.due_at', sqlType: 'timestamptz' },
    ],
  },
  DUE_AT: { name: 'DUE_AT', columns: [{ expression: 'oi.due_at', sqlType: 'timestamptz' }] },
};

export const MOST_URGENT_FIRST: Order<InvestigationSortField> = { field: InvestigationSortField.URGENCY, direction: SortDirection.ASC };

/** The orders a crossing list can be read in. */
export enum CrossingSortField {
  CROSSED_AT = 'CROSSED_AT',
  REFERENCE_NUMBER = 'REFERENCE_NUMBER',
}

export const CROSSING_SORT_KEYS: Record<CrossingSortField, SortKey> = {
  CROSSED_AT: { name: 'CROSSED_AT', columns: [{ expression: 'c.crossed_at', sqlType: 'timestamptz' }] },
  REFERENCE_NUMBER: { name: 'REFERENCE_NUMBER', columns: [{ expression: 'c.reference_number', sqlType: 'text' }] },
};

export const LATEST_CROSSED_FIRST: Order<CrossingSortField> = { field: CrossingSortField.CROSSED_AT, direction: SortDirection.DESC };

/** Largest page of a TECS list or history (OIs, crossings, a lookout's history, the coordinator's queue). */
export const MAX_TECS_PAGE = 500;
