import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { ReferralForm } from '../../src/modules/referrals/forms/referral-form';
import { ReferralTimeFrame } from '../../src/modules/referrals/referral-time-frame.entity';
import { Services } from '../../src/app/services';
import { DataSource } from 'typeorm';

/**
 * A small organisation for tests: Accounts Management files; the RICS EF team, RIVO and CAWR receive.
 * Each function has a director → manager → liaison/employees chain.
 */
export async function createTestOrganisation(services: Services, dataSource: DataSource) {
  const { org } = services;
  const am = await org.createFunction({ code: 'AM', name: 'Accounts Management', timeZone: 'America/New_York' });
  const ef = await org.createFunction({ code: 'RICS-EF', name: 'RICS Entity Fabrication Team', timeZone: 'America/Chicago' });
  const rivo = await org.createFunction({ code: 'RICS-RIVO', name: 'RICS RIVO', timeZone: 'America/Chicago' });
  const cawr = await org.createFunction({ code: 'CAWR', name: 'Combined Annual Wage Reporting', timeZone: 'America/New_York' });

  const person = (
    email: string,
    functionId: string,
    managerId: string | null,
    roles: Role[] = [Role.FUNCTIONAL_EMPLOYEE],
  ): Promise<Employee> => org.createEmployee({ email, name: email.split('@')[0], functionId, managerId, roles, phone: '2025550100' });

  const amDirector = await person('am.director@example.gov', am.id, null, [Role.MANAGER]);
  const amManager = await person('am.manager@example.gov', am.id, amDirector.id, [Role.MANAGER]);
  const amLiaison = await person('am.liaison@example.gov', am.id, amManager.id);
  // Also a revenue officer: only they file a Form 3210 (IRM 25.25.6.2.3(1)-(2)).
  const originator = await person('am.originator@example.gov', am.id, amManager.id, [Role.FUNCTIONAL_EMPLOYEE, Role.REVENUE_OFFICER]);
  const amColleague = await person('am.colleague@example.gov', am.id, amManager.id);

  const efDirector = await person('ef.director@example.gov', ef.id, null, [Role.MANAGER]);
  const efManager = await person('ef.manager@example.gov', ef.id, efDirector.id, [Role.MANAGER]);
  const efLiaison = await person('ef.liaison@example.gov', ef.id, efManager.id);
  const efWorker = await person('ef.worker@example.gov', ef.id, efManager.id);

  const rivoLiaison = await person('rivo.liaison@example.gov', rivo.id, null);
  const rivoWorker = await person('rivo.worker@example.gov', rivo.id, rivoLiaison.id);
  const cawrLiaison = await person('cawr.liaison@example.gov', cawr.id, null);
  const admin = await person('admin@example.gov', am.id, null, [Role.ADMIN]);

  for (const [fn, liaison] of [
    [am, amLiaison],
    [ef, efLiaison],
    [rivo, rivoLiaison],
    [cawr, cawrLiaison],
  ] as const) {
    await org.assignLiaison(fn.id, liaison.id);
  }
  // IRM 10.5.3.3.11(3): CAWR acknowledges within 30 days.
  await dataSource.manager.save(
    dataSource.manager.create(ReferralTimeFrame, {
      functionId: cawr.id,
      form: ReferralForm.F14566,
      ackBusinessDays: null,
      ackCalendarDays: 30,
      completionCalendarDays: 30,
      irmReference: 'IRM 10.5.3.3.11(3)',
    }),
  );
  return {
    functions: { am, ef, rivo, cawr },
    people: {
      amDirector,
      amManager,
      amLiaison,
      originator,
      amColleague,
      efDirector,
      efManager,
      efLiaison,
      efWorker,
      rivoLiaison,
      rivoWorker,
      cawrLiaison,
      admin,
    },
  };
}

export type TestOrganisation = Awaited<ReturnType<typeof createTestOrganisation>>;

export const VALID_14566 = {
  business: {
    name: 'Acme Widgets LLC',
    address: { line1: '100 Main St', city: 'Washington', state: 'DC', zip: '20001' },
    ein: '12-3456789',
  },
  taxpayer: { name: 'Jane Q. Owner', address: { line1: '5 Elm Rd', city: 'Ogden', state: 'UT', zip: '84201' }, ssn: '123-45-6789' },
  affectedReturns: [{ returnType: '941', mft: '01', taxPeriod: '202603' }],
  completedResearch: ['BMFOL: no prior filings', 'NAMEE: EIN assigned 2025'],
  requestedActions: 'Confirm whether the EIN was used to file fraudulent returns and add it to the scheme list.',
  originatorContact: { name: 'Pat Examiner', phone: '202-555-0143', fax: '202-555-0199' },
  purpose: 'EF_SCHEME_CHECK',
};

export const VALID_4442 = {
  category: 'RICS RIVO - MFT Reversal',
  tin: '123-45-6789',
  tinType: 'SSN',
  taxPeriod: '202512',
  mft: '30',
  remarks: 'Taxpayer authenticated; MFT 32 reversal still unresolved 60 days after the call.',
  taxpayerAuthenticated: true,
};

export const VALID_3210 = {
  routing: 'RIVO, Stop 6579 AUSC',
  tin: '123-45-6789',
  tinType: 'SSN',
  taxPeriod: '202512',
  mft: '32',
  remarks: 'TP has been authenticated during a face to face meeting with the Revenue Officer',
  additionalComments: "A return is on MFT 32 due to the TPP process and may be the TP's valid return. TP's valid signed return attached.",
  attachments: [{ title: 'Signed Form 1040', documentType: 'Form 1040', pageCount: 2, signedReturn: true }],
  authenticatedBy: 'FACE_TO_FACE',
};
