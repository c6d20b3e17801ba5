import { registerEnumType } from 'type-graphql';

const SEED = 'IRM 5.1.18.13.7, TECS (seed 000)';

/** A TECS lookout from the Form 6668 request to its removal (IRM 5.1.18.13.7 passport/TECS text, seed 000). */
export enum LookoutState {
  REQUESTED = 'REQUESTED',
  RETURNED_TO_RO = 'RETURNED_TO_RO',
  WITH_COORDINATOR = 'WITH_COORDINATOR',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  WITH_CI = 'WITH_CI',
  ACTIVE = 'ACTIVE',
  REMOVAL_REQUESTED = 'REMOVAL_REQUESTED',
  REMOVAL_WITH_CI = 'REMOVAL_WITH_CI',
  REMOVED = 'REMOVED',
}
registerEnumType(LookoutState, {
  name: 'LookoutState',
  description: `Where a TECS lookout stands, from the Form 6668 TECS Entry Request to the taxpayer's removal from TECS (${SEED})`,
  valuesConfig: {
    REQUESTED: { description: 'Form 6668 filed by the revenue officer; with their group manager for approval' },
    RETURNED_TO_RO: {
      description: 'The group manager returned the request to the revenue officer with a reason (hub rule); the RO may resubmit it',
    },
    WITH_COORDINATOR: {
      description: 'Approved by the GM; with the TECS coordinator for review against the lookout criteria (IRM 5.1.18.13.7.1)',
    },
    NOT_ACCEPTED: {
      description:
        'The coordinator found it does not meet the TECS lookout criteria: reason documented, referral returned to the originator (final)',
    },
    WITH_CI: { description: 'Accepted by the coordinator and forwarded to Criminal Investigation for input into TECS' },
    ACTIVE: { description: 'CI entered the taxpayer into TECS: on the lookout indicator list; DHS reports their crossings' },
    REMOVAL_REQUESTED: { description: 'The GM or RO asked the coordinator to remove the taxpayer from TECS (e.g. full pay secured)' },
    REMOVAL_WITH_CI: { description: 'The coordinator forwarded the removal to CI, who deletes the taxpayer from TECS' },
    REMOVED: { description: 'CI deleted the taxpayer from TECS; no longer on the lookout list (final)' },
  },
});

export enum CrossingStatus {
  NEW = 'NEW',
  OI_OPENED = 'OI_OPENED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(CrossingStatus, {
  name: 'CrossingStatus',
  description: `Where a DHS crossing report stands with the TECS coordinator (${SEED})`,
  valuesConfig: {
    NEW: { description: 'Waiting for the TECS coordinator (in tecsCoordinatorQueue)' },
    OI_OPENED: { description: 'The coordinator opened an OI (or courtesy investigation) from it and issued it to the GM and RO (final)' },
    DISMISSED: { description: 'Looked at and needs no investigation (e.g. no active lookout); the reason is in the TECS history (final)' },
  },
});

export enum CrossingDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(CrossingDirection, {
  name: 'CrossingDirection',
  description: 'Which way the taxpayer crossed the U.S. border, as DHS reports it',
  valuesConfig: {
    INBOUND: { description: 'Into the United States (the arrival DHS advises the IRS of, seed 000)' },
    OUTBOUND: { description: 'Out of the United States' },
  },
});

export enum InvestigationKind {
  OTHER_INVESTIGATION = 'OTHER_INVESTIGATION',
  COURTESY_INVESTIGATION = 'COURTESY_INVESTIGATION',
}
registerEnumType(InvestigationKind, {
  name: 'InvestigationKind',
  description: `What the TECS coordinator opens on ICS to input the lookout information: an OI or a courtesy investigation (${SEED}, TECS coordinator note)`,
  valuesConfig: {
    OTHER_INVESTIGATION: { description: 'An other investigation (OI) on ICS' },
    COURTESY_INVESTIGATION: { description: 'A courtesy investigation on ICS' },
  },
});

export enum InvestigationState {
  ISSUED = 'ISSUED',
  CLOSED = 'CLOSED',
}
registerEnumType(InvestigationState, {
  name: 'InvestigationState',
  description: `Where an OI opened from a crossing stands (${SEED})`,
  valuesConfig: {
    ISSUED: { description: 'Issued to a GM and RO for action; its due clock runs and it escalates when overdue' },
    CLOSED: { description: 'Closed by its GM or RO with the outcome and the lookout disposition (final)' },
  },
});

/** What an OI achieved (seed 000's examples: a new levy source, full pay, a Form 433-A). */
export enum InvestigationOutcome {
  NEW_LEVY_SOURCE = 'NEW_LEVY_SOURCE',
  LEVY_ISSUED = 'LEVY_ISSUED',
  FULL_PAYMENT_SECURED = 'FULL_PAYMENT_SECURED',
  FORM_433A_SECURED = 'FORM_433A_SECURED',
  CONTACT_MADE = 'CONTACT_MADE',
  NO_CONTACT = 'NO_CONTACT',
}
registerEnumType(InvestigationOutcome, {
  name: 'InvestigationOutcome',
  description: `What an OI achieved; one OI may achieve several (the examples of ${SEED})`,
  valuesConfig: {
    NEW_LEVY_SOURCE: { description: "A new levy source found, e.g. the taxpayer's U.S. employer DHS reported" },
    LEVY_ISSUED: { description: 'A levy issued, e.g. a continuous wage levy on the U.S. employer' },
    FULL_PAYMENT_SECURED: { description: 'Full payment of the balance due secured' },
    FORM_433A_SECURED: {
      description: 'Form 433-A, Collection Information Statement for Wage Earners and Self-Employed Individuals, secured',
    },
    CONTACT_MADE: { description: 'Contact made with the taxpayer' },
    NO_CONTACT: { description: 'No contact could be made (e.g. the taxpayer had already left)' },
  },
});

export enum LookoutDisposition {
  REMAIN = 'REMAIN',
  REMOVE = 'REMOVE',
}
registerEnumType(LookoutDisposition, {
  name: 'LookoutDisposition',
  description: `What the GM or RO closing an OI tells the TECS coordinator about the lookout (${SEED})`,
  valuesConfig: {
    REMAIN: { description: 'The taxpayer remains on the TECS lookout' },
    REMOVE: { description: 'Remove the taxpayer from TECS (e.g. full pay secured): starts the removal flow (REMOVAL_REQUESTED)' },
  },
});

export enum CaseStatus {
  OPEN = 'OPEN',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where the collection case behind a lookout stands on ICS',
  valuesConfig: {
    OPEN: { description: 'Open on ICS' },
    ARCHIVED: {
      description: `Closed (e.g. CNC – Unable to Contact, international TC 530 CC 06) and archived on ICS: an OI opens on a new case created from it (${SEED}, TECS coordinator note)`,
    },
  },
});
