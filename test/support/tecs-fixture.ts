import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { Services } from '../../src/app/services';

/**
 * The people of seed 000's two examples: a domestic collection group in Cleveland, an international
 * group, a domestic group in Miami near the port of entry, the TECS coordinator, CI and the DHS interface.
 */
export async function createTecsOrganisation(services: Services) {
  const { org } = services;
  const coll = await org.createFunction({ code: 'SBSE-COLL', name: 'SB/SE Field Collection', timeZone: 'America/New_York' });
  const intl = await org.createFunction({ code: 'SBSE-INTL', name: 'SB/SE International Collection', timeZone: 'America/New_York' });
  const tecs = await org.createFunction({ code: 'TECS', name: 'TECS Coordinator Office', timeZone: 'America/New_York' });
  const ci = await org.createFunction({ code: 'CI', name: 'Criminal Investigation', timeZone: 'America/New_York' });
  const dhs = await org.createFunction({ code: 'DHS', name: 'DHS interface', timeZone: 'America/New_York' });
  const person = (email: string, functionId: string, managerId: string | null, roles: Role[]): Promise<Employee> =>
    org.createEmployee({ email, name: email.split('@')[0], functionId, managerId, roles, phone: '2025550100' });

  const collDirector = await person('coll.director@example.gov', coll.id, null, [Role.MANAGER]);
  const clevelandGm = await person('cleveland.gm@example.gov', coll.id, collDirector.id, [Role.MANAGER, Role.GROUP_MANAGER]);
  const clevelandRo = await person('cleveland.ro@example.gov', coll.id, clevelandGm.id, [Role.REVENUE_OFFICER]);
  const miamiGm = await person('miami.gm@example.gov', coll.id, collDirector.id, [Role.MANAGER, Role.GROUP_MANAGER]);
  const miamiRo = await person('miami.ro@example.gov', coll.id, miamiGm.id, [Role.REVENUE_OFFICER]);
  const otherRo = await person('other.ro@example.gov', coll.id, clevelandGm.id, [Role.REVENUE_OFFICER]);
  const intlDirector = await person('intl.director@example.gov', intl.id, null, [Role.MANAGER]);
  const intlGm = await person('intl.gm@example.gov', intl.id, intlDirector.id, [Role.MANAGER, Role.GROUP_MANAGER]);
  const intlRo = await person('intl.ro@example.gov', intl.id, intlGm.id, [Role.REVENUE_OFFICER]);
  const coordinator = await person('tecs.coordinator@example.gov', tecs.id, null, [Role.TECS_COORDINATOR]);
  const ciAgent = await person('ci.agent@example.gov', ci.id, null, [Role.CRIMINAL_INVESTIGATION]);
  const dhsClient = await person('dhs.interface@example.gov', dhs.id, null, [Role.DHS_INTERFACE]);
  const admin = await person('tecs.admin@example.gov', coll.id, null, [Role.ADMIN]);
  return {
    collDirector,
    clevelandGm,
    clevelandRo,
    miamiGm,
    miamiRo,
    otherRo,
    intlDirector,
    intlGm,
    intlRo,
    coordinator,
    ciAgent,
    dhsClient,
    admin,
  };
}

export type TecsPeople = Awaited<ReturnType<typeof createTecsOrganisation>>;

/** Seed 000, example 1: the Cleveland truck driver who travels to Canada. */
export const CLEVELAND_REQUEST = {
  taxpayerName: 'Robert T. Haulwell',
  dateOfBirth: '1972-04-18',
  tin: '123-45-6789',
  tinType: 'SSN',
  address: '1200 Lakeside Ave, Cleveland, OH 44114',
  international: false,
  balanceDue: '141000.00',
  taxPeriods: [
    { mft: '30', taxPeriod: '201312' },
    { mft: '30', taxPeriod: '201412' },
  ],
  contactFacts:
    'Truck driver who travels to Canada quite often for business; said he will never pay and hung up while the Form 433-A was being secured.',
  criteriaMet: ['Balance due taxpayer; contact cannot otherwise be made', 'Travels frequently outside the U.S.'],
  closureCode: 'CNC – Unable to Contact',
};

/** Seed 000, example 2: the international taxpayer in Hong Kong. */
export const HONG_KONG_REQUEST = {
  taxpayerName: 'Mei Ling Chan',
  dateOfBirth: '1980-09-02',
  tin: '912-70-1234',
  tinType: 'ITIN',
  address: '88 Queensway, Admiralty, Hong Kong',
  international: true,
  balanceDue: '96500.00',
  taxPeriods: [{ mft: '30', taxPeriod: '202212' }],
  contactFacts: 'Unable to make contact; no assets in the United States.',
  criteriaMet: ['International balance due taxpayer; contact cannot otherwise be made'],
  closureCode: 'International TC 530 CC 06',
};
