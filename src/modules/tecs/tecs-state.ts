import { registerEnumType } from 'type-graphql';

/** A TECS lookout from the Form 6668 request to its removal (IRM 5.1.18.13.7 passport/TECS text, seed 000). */
export enum LookoutState {
  /** Filed by the revenue officer, with their group manager. */
  REQUESTED = 'REQUESTED',
  RETURNED_TO_RO = 'RETURNED_TO_RO',
  /** Approved by the GM, with the TECS coordinator for review against the criteria. */
  WITH_COORDINATOR = 'WITH_COORDINATOR',
  /** Does not meet the TECS lookout criteria: reason documented, returned to the originator. */
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  /** Accepted and forwarded to Criminal Investigation for input into TECS. */
  WITH_CI = 'WITH_CI',
  /** On the lookout list. */
  ACTIVE = 'ACTIVE',
  REMOVAL_REQUESTED = 'REMOVAL_REQUESTED',
  REMOVAL_WITH_CI = 'REMOVAL_WITH_CI',
  REMOVED = 'REMOVED',
}
registerEnumType(LookoutState, { name: 'LookoutState' });

export enum CrossingStatus {
  /** Waiting for the coordinator. */
  NEW = 'NEW',
  OI_OPENED = 'OI_OPENED',
  /** Looked at and needs no investigation (e.g. no active lookout); the reason is in the history. */
  DISMISSED = 'DISMISSED',
}
registerEnumType(CrossingStatus, { name: 'CrossingStatus' });

export enum CrossingDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(CrossingDirection, { name: 'CrossingDirection' });

export enum InvestigationKind {
  OTHER_INVESTIGATION = 'OTHER_INVESTIGATION',
  COURTESY_INVESTIGATION = 'COURTESY_INVESTIGATION',
}
registerEnumType(InvestigationKind, { name: 'InvestigationKind' });

export enum InvestigationState {
  ISSUED = 'ISSUED',
  CLOSED = 'CLOSED',
}
registerEnumType(InvestigationState, { name: 'InvestigationState' });

/** What an OI achieved (seed 000's examples: a new levy source, full pay, a Form 433-A). */
export enum InvestigationOutcome {
  NEW_LEVY_SOURCE = 'NEW_LEVY_SOURCE',
  LEVY_ISSUED = 'LEVY_ISSUED',
  FULL_PAYMENT_SECURED = 'FULL_PAYMENT_SECURED',
  FORM_433A_SECURED = 'FORM_433A_SECURED',
  CONTACT_MADE = 'CONTACT_MADE',
  NO_CONTACT = 'NO_CONTACT',
}
registerEnumType(InvestigationOutcome, { name: 'InvestigationOutcome' });

export enum LookoutDisposition {
  REMAIN = 'REMAIN',
  REMOVE = 'REMOVE',
}
registerEnumType(LookoutDisposition, { name: 'LookoutDisposition' });

export enum CaseStatus {
  OPEN = 'OPEN',
  /** Closed (e.g. CNC – Unable to Contact, international TC 530 CC 06) and archived on ICS. */
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CaseStatus, { name: 'CaseStatus' });
