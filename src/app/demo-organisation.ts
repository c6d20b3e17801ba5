import { EntityManager } from 'typeorm';
import { BusinessFunction } from '../modules/org/business-function.entity';
import { Employee } from '../modules/org/employee.entity';
import { LiaisonAssignment } from '../modules/org/liaison-assignment.entity';
import { Role } from '../modules/org/role';

/*
 * The demo organisation loaded by `npm run seed`: realistic but fictitious. Names are invented, e-mails
 * are on example.gov and phone numbers are in the 555-0100..0199 range reserved for fiction.
 * The Form 4442 category catalogue, the routes and the receivers' time frames are not here: they ship with the
 * migrations (routes find their receivers by function code: RICS-RIVO, RICS-EF, CI, CAWR, SP-ENTITY).
 */

export interface DemoFunction {
  code: string;
  name: string;
  /** IANA zone in which the function's business days are counted */
  timeZone: string;
}

export interface DemoEmployee {
  email: string;
  name: string;
  phone: string;
  functionCode: string;
  /** e-mail of the next link of the management chain; null for a director (the top of a chain) */
  managerEmail: string | null;
  roles: readonly Role[];
}

export interface DemoLiaison {
  functionCode: string;
  email: string;
}

export interface DemoOrganisation {
  functions: readonly DemoFunction[];
  employees: readonly DemoEmployee[];
  liaisons: readonly DemoLiaison[];
}

export interface DemoLoadCounts {
  functions: number;
  employees: number;
  liaisons: number;
}

const {
  FUNCTIONAL_EMPLOYEE: FE,
  MANAGER,
  GROUP_MANAGER: GM,
  REVENUE_OFFICER: RO,
  TECS_COORDINATOR,
  CRIMINAL_INVESTIGATION: CI,
  ADMIN,
  DHS_INTERFACE,
  AUDITOR,
  DISCLOSURE_OFFICER,
} = Role;

export const DEMO_ORGANISATION: DemoOrganisation = {
  functions: [
    { code: 'AM', name: 'Accounts Management', timeZone: 'America/New_York' },
    { code: 'SBSE-COLL', name: 'SB/SE Field Collection, Cleveland', timeZone: 'America/New_York' },
    { code: 'SBSE-INTL', name: 'SB/SE International Collection', timeZone: 'America/New_York' },
    { code: 'CS', name: 'Compliance Services', timeZone: 'America/Denver' },
    { code: 'RICS-RIVO', name: 'RICS Return Integrity Verification Operations', timeZone: 'America/Chicago' },
    { code: 'RICS-EF', name: 'RICS Entity Fabrication Team', timeZone: 'America/Chicago' },
    { code: 'CI', name: 'Criminal Investigation', timeZone: 'America/New_York' },
    { code: 'CAWR', name: 'Combined Annual Wage Reporting', timeZone: 'America/New_York' },
    { code: 'SP-ENTITY', name: 'Submission Processing Entity, Cincinnati', timeZone: 'America/New_York' },
    { code: 'IPSU', name: 'Identity Protection Specialized Unit', timeZone: 'America/New_York' },
    { code: 'TAC', name: 'Taxpayer Assistance Center', timeZone: 'America/Los_Angeles' },
    { code: 'TECS', name: 'TECS Coordinator Office, SB/SE International', timeZone: 'America/New_York' },
    // Seed 000, second example: the international GM asks a domestic group in Miami to meet the taxpayer.
    { code: 'SBSE-COLL-MIA', name: 'SB/SE Field Collection, Miami', timeZone: 'America/New_York' },
    { code: 'PGLD-DISCLOSURE', name: 'Privacy, Governmental Liaison and Disclosure', timeZone: 'America/New_York' },
  ],

  // Per function: director, manager (reports to the director), liaison and two employees (report to the manager).
  employees: [
    {
      email: 'margaret.director.am@example.gov',
      name: 'Margaret Okafor',
      phone: '(470) 555-0100',
      functionCode: 'AM',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'henry.manager.am@example.gov',
      name: 'Henry Castillo',
      phone: '(470) 555-0101',
      functionCode: 'AM',
      managerEmail: 'margaret.director.am@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'ava.liaison.am@example.gov',
      name: 'Ava Lindqvist',
      phone: '(470) 555-0102',
      functionCode: 'AM',
      managerEmail: 'henry.manager.am@example.gov',
      roles: [FE],
    },
    {
      email: 'noah.employee.am@example.gov',
      name: 'Noah Brennan',
      phone: '(470) 555-0103',
      functionCode: 'AM',
      managerEmail: 'henry.manager.am@example.gov',
      roles: [FE],
    },
    {
      email: 'priya.employee.am@example.gov',
      name: 'Priya Raman',
      phone: '(470) 555-0104',
      functionCode: 'AM',
      managerEmail: 'henry.manager.am@example.gov',
      roles: [FE],
    },
    {
      email: 'admin@example.gov',
      name: 'Dana Whitfield',
      phone: '(470) 555-0105',
      functionCode: 'AM',
      managerEmail: 'margaret.director.am@example.gov',
      roles: [ADMIN],
    },

    {
      email: 'raymond.director.sbse-coll@example.gov',
      name: 'Raymond Adeyemi',
      phone: '(312) 555-0106',
      functionCode: 'SBSE-COLL',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'teresa.gm.sbse-coll@example.gov',
      name: 'Teresa Kowalski',
      phone: '(312) 555-0107',
      functionCode: 'SBSE-COLL',
      managerEmail: 'raymond.director.sbse-coll@example.gov',
      roles: [MANAGER, GM],
    },
    {
      email: 'marcus.liaison.sbse-coll@example.gov',
      name: 'Marcus Bell',
      phone: '(312) 555-0108',
      functionCode: 'SBSE-COLL',
      managerEmail: 'teresa.gm.sbse-coll@example.gov',
      roles: [FE],
    },
    {
      email: 'elena.ro.sbse-coll@example.gov',
      name: 'Elena Vasquez',
      phone: '(312) 555-0109',
      functionCode: 'SBSE-COLL',
      managerEmail: 'teresa.gm.sbse-coll@example.gov',
      roles: [FE, RO],
    },
    {
      email: 'jamal.ro.sbse-coll@example.gov',
      name: 'Jamal Carter',
      phone: '(312) 555-0110',
      functionCode: 'SBSE-COLL',
      managerEmail: 'teresa.gm.sbse-coll@example.gov',
      roles: [FE, RO],
    },

    {
      email: 'catherine.director.sbse-intl@example.gov',
      name: 'Catherine Moreau',
      phone: '(267) 555-0111',
      functionCode: 'SBSE-INTL',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'victor.gm.sbse-intl@example.gov',
      name: 'Victor Nakamura',
      phone: '(267) 555-0112',
      functionCode: 'SBSE-INTL',
      managerEmail: 'catherine.director.sbse-intl@example.gov',
      roles: [MANAGER, GM],
    },
    {
      email: 'sofia.liaison.sbse-intl@example.gov',
      name: 'Sofia Petrova',
      phone: '(267) 555-0113',
      functionCode: 'SBSE-INTL',
      managerEmail: 'victor.gm.sbse-intl@example.gov',
      roles: [FE],
    },
    {
      email: 'daniel.ro.sbse-intl@example.gov',
      name: 'Daniel Osei',
      phone: '(267) 555-0114',
      functionCode: 'SBSE-INTL',
      managerEmail: 'victor.gm.sbse-intl@example.gov',
      roles: [FE, RO],
    },
    {
      email: 'hannah.ro.sbse-intl@example.gov',
      name: 'Hannah Lindgren',
      phone: '(267) 555-0115',
      functionCode: 'SBSE-INTL',
      managerEmail: 'victor.gm.sbse-intl@example.gov',
      roles: [FE, RO],
    },

    {
      email: 'william.director.cs@example.gov',
      name: 'William Thornton',
      phone: '(801) 555-0116',
      functionCode: 'CS',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'grace.manager.cs@example.gov',
      name: 'Grace Whitaker',
      phone: '(801) 555-0117',
      functionCode: 'CS',
      managerEmail: 'william.director.cs@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'olivia.liaison.cs@example.gov',
      name: 'Olivia Chen',
      phone: '(801) 555-0118',
      functionCode: 'CS',
      managerEmail: 'grace.manager.cs@example.gov',
      roles: [FE],
    },
    {
      email: 'ethan.employee.cs@example.gov',
      name: 'Ethan Morales',
      phone: '(801) 555-0119',
      functionCode: 'CS',
      managerEmail: 'grace.manager.cs@example.gov',
      roles: [FE],
    },
    {
      email: 'fatima.employee.cs@example.gov',
      name: 'Fatima Haddad',
      phone: '(801) 555-0120',
      functionCode: 'CS',
      managerEmail: 'grace.manager.cs@example.gov',
      roles: [FE],
    },

    {
      email: 'patricia.director.rics-rivo@example.gov',
      name: 'Patricia Delgado',
      phone: '(512) 555-0121',
      functionCode: 'RICS-RIVO',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'samuel.manager.rics-rivo@example.gov',
      name: 'Samuel Greene',
      phone: '(512) 555-0122',
      functionCode: 'RICS-RIVO',
      managerEmail: 'patricia.director.rics-rivo@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'isabella.liaison.rics-rivo@example.gov',
      name: 'Isabella Romero',
      phone: '(512) 555-0123',
      functionCode: 'RICS-RIVO',
      managerEmail: 'samuel.manager.rics-rivo@example.gov',
      roles: [FE],
    },
    {
      email: 'lucas.employee.rics-rivo@example.gov',
      name: 'Lucas Fontaine',
      phone: '(512) 555-0124',
      functionCode: 'RICS-RIVO',
      managerEmail: 'samuel.manager.rics-rivo@example.gov',
      roles: [FE],
    },
    {
      email: 'aisha.employee.rics-rivo@example.gov',
      name: 'Aisha Mensah',
      phone: '(512) 555-0125',
      functionCode: 'RICS-RIVO',
      managerEmail: 'samuel.manager.rics-rivo@example.gov',
      roles: [FE],
    },
    // Exhibit 25.25.6-8: a paper 4442 sits with the TPP paper group's generic assignee 1485000006 until a worker checks it out.
    {
      email: 'tpp-paper-group.rics-rivo@example.gov',
      name: 'TPP paper group, generic assignee 1485000006',
      phone: '(512) 555-0163',
      functionCode: 'RICS-RIVO',
      managerEmail: 'samuel.manager.rics-rivo@example.gov',
      roles: [FE],
    },

    {
      email: 'gregory.director.rics-ef@example.gov',
      name: 'Gregory Hale',
      phone: '(816) 555-0126',
      functionCode: 'RICS-EF',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'monica.manager.rics-ef@example.gov',
      name: 'Monica Ruiz',
      phone: '(816) 555-0127',
      functionCode: 'RICS-EF',
      managerEmail: 'gregory.director.rics-ef@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'benjamin.liaison.rics-ef@example.gov',
      name: 'Benjamin Ortiz',
      phone: '(816) 555-0128',
      functionCode: 'RICS-EF',
      managerEmail: 'monica.manager.rics-ef@example.gov',
      roles: [FE],
    },
    {
      email: 'chloe.employee.rics-ef@example.gov',
      name: 'Chloe Sandoval',
      phone: '(816) 555-0129',
      functionCode: 'RICS-EF',
      managerEmail: 'monica.manager.rics-ef@example.gov',
      roles: [FE],
    },
    {
      email: 'tyrone.employee.rics-ef@example.gov',
      name: 'Tyrone Jenkins',
      phone: '(816) 555-0130',
      functionCode: 'RICS-EF',
      managerEmail: 'monica.manager.rics-ef@example.gov',
      roles: [FE],
    },

    {
      email: 'douglas.director.ci@example.gov',
      name: 'Douglas Mercer',
      phone: '(202) 555-0131',
      functionCode: 'CI',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'angela.manager.ci@example.gov',
      name: 'Angela Brooks',
      phone: '(202) 555-0132',
      functionCode: 'CI',
      managerEmail: 'douglas.director.ci@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'nathan.liaison.ci@example.gov',
      name: 'Nathan Pierce',
      phone: '(202) 555-0133',
      functionCode: 'CI',
      managerEmail: 'angela.manager.ci@example.gov',
      roles: [FE],
    },
    {
      email: 'rebecca.agent.ci@example.gov',
      name: 'Rebecca Stone',
      phone: '(202) 555-0134',
      functionCode: 'CI',
      managerEmail: 'angela.manager.ci@example.gov',
      roles: [FE, CI],
    },
    {
      email: 'omar.agent.ci@example.gov',
      name: 'Omar Siddiqui',
      phone: '(202) 555-0135',
      functionCode: 'CI',
      managerEmail: 'angela.manager.ci@example.gov',
      roles: [FE, CI],
    },

    {
      email: 'linda.director.cawr@example.gov',
      name: 'Linda Harper',
      phone: '(304) 555-0136',
      functionCode: 'CAWR',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'kevin.manager.cawr@example.gov',
      name: "Kevin O'Connell",
      phone: '(304) 555-0137',
      functionCode: 'CAWR',
      managerEmail: 'linda.director.cawr@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'mia.liaison.cawr@example.gov',
      name: 'Mia Patel',
      phone: '(304) 555-0138',
      functionCode: 'CAWR',
      managerEmail: 'kevin.manager.cawr@example.gov',
      roles: [FE],
    },
    {
      email: 'jacob.employee.cawr@example.gov',
      name: 'Jacob Kim',
      phone: '(304) 555-0139',
      functionCode: 'CAWR',
      managerEmail: 'kevin.manager.cawr@example.gov',
      roles: [FE],
    },
    {
      email: 'natalie.employee.cawr@example.gov',
      name: 'Natalie Foster',
      phone: '(304) 555-0140',
      functionCode: 'CAWR',
      managerEmail: 'kevin.manager.cawr@example.gov',
      roles: [FE],
    },

    {
      email: 'richard.director.sp-entity@example.gov',
      name: 'Richard Beaumont',
      phone: '(859) 555-0141',
      functionCode: 'SP-ENTITY',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'sandra.manager.sp-entity@example.gov',
      name: 'Sandra Lewis',
      phone: '(859) 555-0142',
      functionCode: 'SP-ENTITY',
      managerEmail: 'richard.director.sp-entity@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'emily.liaison.sp-entity@example.gov',
      name: 'Emily Novak',
      phone: '(859) 555-0143',
      functionCode: 'SP-ENTITY',
      managerEmail: 'sandra.manager.sp-entity@example.gov',
      roles: [FE],
    },
    {
      email: 'christopher.employee.sp-entity@example.gov',
      name: 'Christopher Tran',
      phone: '(859) 555-0144',
      functionCode: 'SP-ENTITY',
      managerEmail: 'sandra.manager.sp-entity@example.gov',
      roles: [FE],
    },
    {
      email: 'lauren.employee.sp-entity@example.gov',
      name: 'Lauren Mitchell',
      phone: '(859) 555-0145',
      functionCode: 'SP-ENTITY',
      managerEmail: 'sandra.manager.sp-entity@example.gov',
      roles: [FE],
    },

    {
      email: 'barbara.director.ipsu@example.gov',
      name: 'Barbara Ellison',
      phone: '(404) 555-0146',
      functionCode: 'IPSU',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'anthony.manager.ipsu@example.gov',
      name: 'Anthony Russo',
      phone: '(404) 555-0147',
      functionCode: 'IPSU',
      managerEmail: 'barbara.director.ipsu@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'zoe.liaison.ipsu@example.gov',
      name: 'Zoe Washington',
      phone: '(404) 555-0148',
      functionCode: 'IPSU',
      managerEmail: 'anthony.manager.ipsu@example.gov',
      roles: [FE],
    },
    {
      email: 'ryan.employee.ipsu@example.gov',
      name: 'Ryan Gallagher',
      phone: '(404) 555-0149',
      functionCode: 'IPSU',
      managerEmail: 'anthony.manager.ipsu@example.gov',
      roles: [FE],
    },
    {
      email: 'maya.employee.ipsu@example.gov',
      name: 'Maya Goldberg',
      phone: '(404) 555-0150',
      functionCode: 'IPSU',
      managerEmail: 'anthony.manager.ipsu@example.gov',
      roles: [FE],
    },

    {
      email: 'steven.director.tac@example.gov',
      name: 'Steven Yamamoto',
      phone: '(559) 555-0151',
      functionCode: 'TAC',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'carmen.manager.tac@example.gov',
      name: 'Carmen Reyes',
      phone: '(559) 555-0152',
      functionCode: 'TAC',
      managerEmail: 'steven.director.tac@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'leah.liaison.tac@example.gov',
      name: 'Leah Abrams',
      phone: '(559) 555-0153',
      functionCode: 'TAC',
      managerEmail: 'carmen.manager.tac@example.gov',
      roles: [FE],
    },
    {
      email: 'diego.employee.tac@example.gov',
      name: 'Diego Alvarez',
      phone: '(559) 555-0154',
      functionCode: 'TAC',
      managerEmail: 'carmen.manager.tac@example.gov',
      roles: [FE],
    },
    {
      email: 'jasmine.employee.tac@example.gov',
      name: 'Jasmine Wright',
      phone: '(559) 555-0155',
      functionCode: 'TAC',
      managerEmail: 'carmen.manager.tac@example.gov',
      roles: [FE],
    },

    {
      email: 'frances.director.tecs@example.gov',
      name: 'Frances Whitmore',
      phone: '(215) 555-0156',
      functionCode: 'TECS',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'paul.manager.tecs@example.gov',
      name: 'Paul Ambrose',
      phone: '(215) 555-0157',
      functionCode: 'TECS',
      managerEmail: 'frances.director.tecs@example.gov',
      roles: [MANAGER],
    },
    {
      email: 'ruth.liaison.tecs@example.gov',
      name: 'Ruth Kaplan',
      phone: '(215) 555-0158',
      functionCode: 'TECS',
      managerEmail: 'paul.manager.tecs@example.gov',
      roles: [FE],
    },
    {
      email: 'kwame.employee.tecs@example.gov',
      name: 'Kwame Asante',
      phone: '(215) 555-0159',
      functionCode: 'TECS',
      managerEmail: 'paul.manager.tecs@example.gov',
      roles: [FE],
    },
    {
      email: 'ingrid.employee.tecs@example.gov',
      name: 'Ingrid Johansson',
      phone: '(215) 555-0160',
      functionCode: 'TECS',
      managerEmail: 'paul.manager.tecs@example.gov',
      roles: [FE],
    },
    {
      email: 'theresa.coordinator.tecs@example.gov',
      name: 'Theresa Vaughn',
      phone: '(215) 555-0161',
      functionCode: 'TECS',
      managerEmail: 'paul.manager.tecs@example.gov',
      roles: [FE, TECS_COORDINATOR],
    },
    // The DHS interface: a machine client (own token, may only report crossings), kept in the TECS office's records.
    {
      email: 'dhs.interface@example.gov',
      name: 'DHS TECS interface',
      phone: '(215) 555-0162',
      functionCode: 'TECS',
      managerEmail: 'paul.manager.tecs@example.gov',
      roles: [DHS_INTERFACE],
    },

    // Seed 000, second example: the domestic GM in Miami gets the international GM's call; the domestic RO meets the taxpayer.
    {
      email: 'rosa.director.sbse-coll-mia@example.gov',
      name: 'Rosa Delacruz',
      phone: '(305) 555-0164',
      functionCode: 'SBSE-COLL-MIA',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'miguel.gm.sbse-coll-mia@example.gov',
      name: 'Miguel Santana',
      phone: '(305) 555-0165',
      functionCode: 'SBSE-COLL-MIA',
      managerEmail: 'rosa.director.sbse-coll-mia@example.gov',
      roles: [MANAGER, GM],
    },
    {
      email: 'carmen.liaison.sbse-coll-mia@example.gov',
      name: 'Carmen Ibarra',
      phone: '(305) 555-0166',
      functionCode: 'SBSE-COLL-MIA',
      managerEmail: 'miguel.gm.sbse-coll-mia@example.gov',
      roles: [FE],
    },
    {
      email: 'andre.ro.sbse-coll-mia@example.gov',
      name: 'Andre Baptiste',
      phone: '(305) 555-0167',
      functionCode: 'SBSE-COLL-MIA',
      managerEmail: 'miguel.gm.sbse-coll-mia@example.gov',
      roles: [FE, RO],
    },

    // Two disclosure officers, so that the two-person rule on Customs disclosures can be tried (26 CFR 301.6103(l)(14)-1).
    {
      email: 'frances.director.pgld-disclosure@example.gov',
      name: 'Frances Oyelaran',
      phone: '(202) 555-0168',
      functionCode: 'PGLD-DISCLOSURE',
      managerEmail: null,
      roles: [MANAGER],
    },
    {
      email: 'owen.disclosure.pgld-disclosure@example.gov',
      name: 'Owen Halvorsen',
      phone: '(202) 555-0169',
      functionCode: 'PGLD-DISCLOSURE',
      managerEmail: 'frances.director.pgld-disclosure@example.gov',
      roles: [FE, DISCLOSURE_OFFICER],
    },
    {
      email: 'nadia.disclosure.pgld-disclosure@example.gov',
      name: 'Nadia Karim',
      phone: '(202) 555-0170',
      functionCode: 'PGLD-DISCLOSURE',
      managerEmail: 'frances.director.pgld-disclosure@example.gov',
      roles: [FE, DISCLOSURE_OFFICER],
    },

    // Reads the access audit and the accounting of disclosures.
    {
      email: 'auditor@example.gov',
      name: 'Glenn Ashworth',
      phone: '(470) 555-0171',
      functionCode: 'AM',
      managerEmail: 'margaret.director.am@example.gov',
      roles: [AUDITOR],
    },
  ],

  // IRM 10.5.3.3.7(4): one BMF ID theft liaison per function.
  liaisons: [
    { functionCode: 'AM', email: 'ava.liaison.am@example.gov' },
    { functionCode: 'SBSE-COLL', email: 'marcus.liaison.sbse-coll@example.gov' },
    { functionCode: 'SBSE-INTL', email: 'sofia.liaison.sbse-intl@example.gov' },
    { functionCode: 'CS', email: 'olivia.liaison.cs@example.gov' },
    { functionCode: 'RICS-RIVO', email: 'isabella.liaison.rics-rivo@example.gov' },
    { functionCode: 'RICS-EF', email: 'benjamin.liaison.rics-ef@example.gov' },
    { functionCode: 'CI', email: 'nathan.liaison.ci@example.gov' },
    { functionCode: 'CAWR', email: 'mia.liaison.cawr@example.gov' },
    { functionCode: 'SP-ENTITY', email: 'emily.liaison.sp-entity@example.gov' },
    { functionCode: 'IPSU', email: 'zoe.liaison.ipsu@example.gov' },
    { functionCode: 'TAC', email: 'leah.liaison.tac@example.gov' },
    { functionCode: 'TECS', email: 'ruth.liaison.tecs@example.gov' },
    { functionCode: 'SBSE-COLL-MIA', email: 'carmen.liaison.sbse-coll-mia@example.gov' },
    { functionCode: 'PGLD-DISCLOSURE', email: 'owen.disclosure.pgld-disclosure@example.gov' },
  ],
};

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role, i) => role === b[i]);
}

/**
 * Checks the data and returns the employees ordered so that everyone comes after their manager (the
 * manager foreign key). Throws when the data names an unknown function, manager or liaison, repeats
 * a code, an e-mail or a liaison, or contains a circular management chain.
 */
export function checkDemoOrganisation(organisation: DemoOrganisation): DemoEmployee[] {
  const codes = new Set<string>();
  for (const fn of organisation.functions) {
    if (codes.has(fn.code)) throw new Error(`Demo organisation: function ${fn.code} appears twice`);
    codes.add(fn.code);
  }
  const byEmail = new Map<string, DemoEmployee>();
  for (const employee of organisation.employees) {
    const email = normaliseEmail(employee.email);
    if (byEmail.has(email)) throw new Error(`Demo organisation: employee ${email} appears twice`);
    if (!codes.has(employee.functionCode))
      throw new Error(`Demo organisation: ${email} belongs to unknown function ${employee.functionCode}`);
    byEmail.set(email, employee);
  }
  for (const employee of organisation.employees) {
    if (employee.managerEmail !== null && !byEmail.has(normaliseEmail(employee.managerEmail))) {
      throw new Error(`Demo organisation: ${employee.email} reports to unknown manager ${employee.managerEmail}`);
    }
  }
  const liaisons = new Set<string>();
  for (const liaison of organisation.liaisons) {
    const key = `${liaison.functionCode} ${normaliseEmail(liaison.email)}`;
    if (!codes.has(liaison.functionCode)) throw new Error(`Demo organisation: liaison for unknown function ${liaison.functionCode}`);
    if (!byEmail.has(normaliseEmail(liaison.email))) throw new Error(`Demo organisation: liaison ${liaison.email} is not a demo employee`);
    if (liaisons.has(key)) throw new Error(`Demo organisation: liaison ${key} appears twice`);
    liaisons.add(key);
  }
  const ordered: DemoEmployee[] = [];
  const placed = new Set<string>();
  let pending = [...organisation.employees];
  while (pending.length) {
    const ready = pending.filter((e) => e.managerEmail === null || placed.has(normaliseEmail(e.managerEmail)));
    if (!ready.length) throw new Error(`Demo organisation: circular management chain among ${pending.map((e) => e.email).join(', ')}`);
    for (const employee of ready) {
      ordered.push(employee);
      placed.add(normaliseEmail(employee.email));
    }
    pending = pending.filter((e) => !placed.has(normaliseEmail(e.email)));
  }
  return ordered;
}

/**
 * Loads the demo organisation idempotently: functions are matched by code, employees by e-mail
 * (case-insensitive), and liaison assignments by (function, employee).
 * Missing rows are inserted and rows that differ from the data are brought back to it; rows that
 * already match are not written at all, so a second run changes nothing. Rows that are not part of
 * the demo data are left alone, and so is an employee's `active` flag (an admin's decision).
 * Call it inside a transaction. Returns how many rows of each kind the demo organisation holds.
 */
export async function loadDemoOrganisation(
  manager: EntityManager,
  organisation: DemoOrganisation = DEMO_ORGANISATION,
): Promise<DemoLoadCounts> {
  const employees = checkDemoOrganisation(organisation);

  const functionIds = new Map<string, string>();
  for (const fn of organisation.functions) {
    const existing = await manager.findOneBy(BusinessFunction, { code: fn.code });
    if (!existing) {
      const created = await manager.save(
        manager.create(BusinessFunction, { code: fn.code, name: fn.name, timeZone: fn.timeZone, active: true }),
      );
      functionIds.set(fn.code, created.id);
      continue;
    }
    if (existing.name !== fn.name || existing.timeZone !== fn.timeZone) {
      await manager.update(BusinessFunction, { id: existing.id }, { name: fn.name, timeZone: fn.timeZone });
    }
    functionIds.set(fn.code, existing.id);
  }
  const functionId = (code: string): string => functionIds.get(code)!;

  const employeeIds = new Map<string, string>();
  for (const employee of employees) {
    const email = normaliseEmail(employee.email);
    const wanted = {
      email,
      name: employee.name,
      phone: employee.phone,
      functionId: functionId(employee.functionCode),
      managerId: employee.managerEmail === null ? null : employeeIds.get(normaliseEmail(employee.managerEmail))!,
      roles: [...employee.roles],
    };
    const existing = await manager.createQueryBuilder(Employee, 'e').where('lower(e.email) = :email', { email }).getOne();
    if (!existing) {
      const created = await manager.save(manager.create(Employee, { ...wanted, active: true }));
      employeeIds.set(email, created.id);
      continue;
    }
    const differs =
      existing.email !== wanted.email ||
      existing.name !== wanted.name ||
      existing.phone !== wanted.phone ||
      existing.functionId !== wanted.functionId ||
      existing.managerId !== wanted.managerId ||
      !sameRoles(existing.roles, wanted.roles);
    if (differs) await manager.update(Employee, { id: existing.id }, wanted);
    employeeIds.set(email, existing.id);
  }

  for (const liaison of organisation.liaisons) {
    const assignment = { functionId: functionId(liaison.functionCode), employeeId: employeeIds.get(normaliseEmail(liaison.email))! };
    if (!(await manager.existsBy(LiaisonAssignment, assignment))) await manager.save(manager.create(LiaisonAssignment, assignment));
  }

  return {
    functions: organisation.functions.length,
    employees: organisation.employees.length,
    liaisons: organisation.liaisons.length,
  };
}

/** A demo person as `npm run seed` prints them: function, roles and whether they are the function's liaison. */
export interface DemoPerson {
  functionCode: string;
  functionName: string;
  name: string;
  email: string;
  roles: Role[];
  liaison: boolean;
}

/** Every active demo person, function by function in the data's order, each with their roles. */
export async function listDemoPeople(manager: EntityManager, organisation: DemoOrganisation = DEMO_ORGANISATION): Promise<DemoPerson[]> {
  const codes = organisation.functions.map((fn) => fn.code);
  const emails = organisation.employees.map((e) => normaliseEmail(e.email));
  return manager.query(
    `SELECT f.code AS "functionCode", f.name AS "functionName", e.name, e.email, e.roles,
            EXISTS (SELECT 1 FROM liaison_assignment la WHERE la.employee_id = e.id AND la.function_id = f.id) AS liaison
       FROM employee e JOIN business_function f ON f.id = e.function_id
      WHERE f.code = ANY($1) AND lower(e.email) = ANY($2) AND e.active
      ORDER BY array_position($1::text[], f.code), array_position($2::text[], lower(e.email))`,
    [codes, emails],
  );
}
