import { registerEnumType } from 'type-graphql';

/**
 * What an employee may do besides filing referrals. Being a BMF ID theft liaison is not a role
 * but an assignment to a function (IRM 10.5.3.3.7(4): the liaison list is data).
 */
export enum Role {
  FUNCTIONAL_EMPLOYEE = 'FUNCTIONAL_EMPLOYEE',
  MANAGER = 'MANAGER',
  GROUP_MANAGER = 'GROUP_MANAGER',
  REVENUE_OFFICER = 'REVENUE_OFFICER',
  TECS_COORDINATOR = 'TECS_COORDINATOR',
  CRIMINAL_INVESTIGATION = 'CRIMINAL_INVESTIGATION',
  ADMIN = 'ADMIN',
  /** Reads the access audit. */
  AUDITOR = 'AUDITOR',
  /** The DHS interface: a machine client that may only report crossings and answer past-travel requests. */
  DHS_INTERFACE = 'DHS_INTERFACE',
  /** Records and decides Customs requests under 26 CFR 301.6103(l)(14)-1 and keeps the accounting of disclosures. */
  DISCLOSURE_OFFICER = 'DISCLOSURE_OFFICER',
}

registerEnumType(Role, {
  name: 'Role',
  description:
    'What an employee may do besides filing and working referrals (the README access table lists the operations of each); being a BMF ID theft liaison is an assignment, not a role (IRM 10.5.3.3.7(4))',
  valuesConfig: {
    FUNCTIONAL_EMPLOYEE: { description: 'Files referrals and works the ones assigned to them' },
    MANAGER: { description: 'A manager in a management chain (elevations climb through managers)' },
    GROUP_MANAGER: { description: 'Collection group manager (approves TECS entry requests)' },
    REVENUE_OFFICER: { description: 'Collection revenue officer' },
    TECS_COORDINATOR: { description: 'SB/SE International TECS coordinator' },
    CRIMINAL_INVESTIGATION: { description: 'Criminal Investigation: enters and removes TECS lookouts' },
    ADMIN: { description: 'Maintains functions, employees, liaison assignments and catalogues' },
    AUDITOR: { description: 'Reads the access audit' },
    DHS_INTERFACE: {
      description: 'Machine client of DHS: may only report crossings and answer the past-travel requests sent to DHS',
    },
    DISCLOSURE_OFFICER: {
      description:
        'Disclosure officer: records and decides written Customs (CBP) requests for return information (26 CFR 301.6103(l)(14)-1) and reads the accounting of disclosures',
    },
  },
});
