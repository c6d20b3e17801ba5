import 'reflect-metadata';
import { GraphQLSchema, getNamedType, isInputObjectType, isNonNullType } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { createTestDatabase, TestDatabase } from '../support/database';
import { PRODUCTION_ENV, startTestHub, TestHub } from '../support/hub';
import { everyOperation } from '../support/operation-documents';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { FILE_REFERRAL } from '../support/referral-operations';
import { admittedCaller, createOneEmployeePerRole } from '../support/role-callers';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { tecs, tecsMutation } from '../support/tecs-operations';

let schema: GraphQLSchema;
let database: TestDatabase;
let hub: TestHub;
let production: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;
let people: Map<Role, Employee>;

beforeAll(async () => {
  schema = await buildHubSchema();
  database = await createTestDatabase();
  hub = await startTestHub({ database });
  production = await startTestHub({ database, env: PRODUCTION_ENV });
  org = await createTestOrganisation(hub.services, database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
  people = await createOneEmployeePerRole(hub.services, org.functions.am.id, 'shape');
});

afterAll(async () => {
  await hub.stop();
  await production.stop();
  await database.drop();
});

/** The one shape: code and field errors, nothing else (no stack trace, no exception detail) in any mode. */
const badInput = (fields: string[]) => ({
  code: 'BAD_USER_INPUT',
  fieldErrors: fields.map((field) => ({ field, message: expect.any(String) })),
});

const mutations = () => everyOperation(schema).filter((op) => op.kind === 'mutation' && op.args.length > 0);

describe('a required argument or input field that is omitted, null or of the wrong type', () => {
  it('is BAD_USER_INPUT with fieldErrors naming it from the argument, for every mutation of the schema, in both modes', async () => {
    const failures: string[] = [];
    const expectShape = async (target: TestHub, label: string, query: string, variables: Record<string, unknown>, field: string) => {
      const response = await target.request(admittedCaller(people, label.split(' ')[0]), query, variables);
      const extensions = response.errors?.[0]?.extensions;
      try {
        expect(response.status).toBe(400);
        expect(extensions).toEqual(badInput([field]));
        if (label.includes('omitted') || label.includes('null')) expect(extensions!.fieldErrors[0].message).toBe('is required');
      } catch {
        failures.push(`${label}: ${JSON.stringify(response.errors)}`);
      }
    };
    let cases = 0;
    for (const op of mutations()) {
      for (const arg of op.args) {
        const { [arg.name]: _omitted, ...rest } = op.variables;
        await expectShape(hub, `${op.name} omitted ${arg.name}`, op.query, rest, arg.name);
        await expectShape(production, `${op.name} null ${arg.name}`, op.query, { ...op.variables, [arg.name]: null }, arg.name);
        const type = getNamedType(arg.type);
        if (!isInputObjectType(type)) continue;
        await expectShape(hub, `${op.name} wrong type ${arg.name}`, op.query, { ...op.variables, [arg.name]: 12345 }, arg.name);
        const value = op.variables[arg.name] as Record<string, unknown>;
        for (const field of Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)) {
          const { [field.name]: _missing, ...others } = value;
          const path = `${arg.name}.${field.name}`;
          await expectShape(hub, `${op.name} omitted ${path}`, op.query, { ...op.variables, [arg.name]: others }, path);
          await expectShape(
            production,
            `${op.name} null ${path}`,
            op.query,
            { ...op.variables, [arg.name]: { ...value, [field.name]: null } },
            path,
          );
          cases += 2;
        }
        cases += 3;
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(150);
  }, 120_000);

  it('names a nested field by its whole path, and a variable used inside a literal by the argument it fills', async () => {
    const { fax: _fax, ...contact } = VALID_14566.originatorContact;
    const omitted = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F14566',
        receivingFunctionId: org.functions.ef.id,
        content: { form14566: { ...VALID_14566, originatorContact: { ...contact, fax: 7 } } },
      },
    });
    expect(omitted.errors![0].extensions).toEqual(badInput(['input.content.form14566.originatorContact.fax']));

    const inLiteral = await hub.request(
      org.people.originator.id,
      `mutation($content: ReferralContentInput!, $to: UUID!) { fileReferral(input: { form: F14566, receivingFunctionId: $to, content: $content }) { id } }`,
      { to: org.functions.ef.id, content: { form14566: { ...VALID_14566, taxpayer: { name: 'x' } } } },
    );
    expect(inLiteral.errors![0].extensions).toEqual(
      badInput(['input.content.form14566.taxpayer.address', 'input.content.form14566.taxpayer.ssn']),
    );
  });
});

describe("the domain validators' field errors use the same convention", () => {
  it('Form 14566 content (IRM 25.23.4): input.content.form14566.…', async () => {
    const response = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: {
        form: 'F14566',
        receivingFunctionId: org.functions.ef.id,
        content: { form14566: { ...VALID_14566, originatorContact: { ...VALID_14566.originatorContact, fax: '12' } } },
      },
    });
    expect(response.status).toBe(200);
    expect(response.errors![0].extensions).toEqual(badInput(['input.content.form14566.originatorContact.fax']));
  });

  it('the receiving function and a missing sub-form: input.receivingFunctionId, input.content.form4442', async () => {
    const response = await hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: { form: 'F4442', receivingFunctionId: org.functions.am.id, content: {} },
    });
    expect(response.errors![0].extensions).toEqual(badInput(['input.receivingFunctionId', 'input.content.form4442']));
  });

  it('a lookout request (Form 6668): input.tin, and input.request.tin when it is resubmitted', async () => {
    const response = await hub.request(tecsPeople.clevelandRo.id, tecsMutation('requestLookout'), {
      input: { ...CLEVELAND_REQUEST, tin: '12' },
    });
    expect(response.errors![0].extensions).toEqual(badInput(['input.tin']));
    const requested = await tecs(hub, tecsPeople.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
    const returned = await tecs(hub, tecsPeople.clevelandGm.id, 'returnLookoutRequest', {
      lookoutId: requested.id,
      expectedVersion: requested.version,
      note: 'Add the contact facts',
    });
    const resubmit = await hub.request(tecsPeople.clevelandRo.id, tecsMutation('resubmitLookoutRequest'), {
      input: { lookoutId: returned.id, expectedVersion: returned.version, request: { ...CLEVELAND_REQUEST, tin: '12' } },
    });
    expect(resubmit.errors![0].extensions).toEqual(badInput(['input.request.tin']));
  });

  it('an employee: input.email; a page size: first', async () => {
    const employee = await hub.request(
      org.people.admin.id,
      'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
      {
        input: { email: 'not-an-address', name: 'N', functionId: org.functions.am.id, roles: [] },
      },
    );
    expect(employee.errors![0].extensions).toEqual(badInput(['input.email']));
    const page = await production.request(org.people.originator.id, '{ referralCategories(first: 0) { code } }');
    expect(page.errors![0].extensions).toEqual(badInput(['first']));
  });
});

describe('a malformed UUID or LocalDate is BAD_USER_INPUT naming it, in a variable and written inline, in both modes', () => {
  const expectBad = async (target: TestHub, caller: string, query: string, variables: Record<string, unknown>, fields: string[]) => {
    const response = await target.request(caller, query, variables);
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toEqual(badInput(fields));
  };

  it('a UUID: an argument, and an input field by its whole path', async () => {
    for (const target of [hub, production]) {
      const reader = org.people.originator.id;
      await expectBad(target, reader, 'query($id: UUID) { referral(id: $id) { id } }', { id: '12345' }, ['id']);
      await expectBad(target, reader, '{ referral(id: "12345") { id } }', {}, ['id']);
      await expectBad(target, reader, '{ referral(id: "\'); DROP TABLE referral; --") { id } }', {}, ['id']);
      const input = { form: 'F14566', receivingFunctionId: 'ef', content: { form14566: VALID_14566 } };
      await expectBad(target, reader, FILE_REFERRAL, { input }, ['input.receivingFunctionId']);
      await expectBad(
        target,
        org.people.admin.id,
        'mutation { addClosure(input: { startDate: "2026-12-24", nationwide: false, functionIds: ["x"], reason: "Snow" }) { id } }',
        {},
        ['input.functionIds[0]'],
      );
    }
  });

  it('a LocalDate: an impossible or misspelt date, as an argument and as an input field', async () => {
    const admin = org.people.admin.id;
    for (const target of [hub, production]) {
      const closures = 'query($from: LocalDate!, $to: LocalDate!) { closures(from: $from, to: $to) { nodes { id } } }';
      await expectBad(target, admin, closures, { from: '2026-02-30', to: '2026-12-31' }, ['from']);
      await expectBad(target, admin, '{ closures(from: "2026-01-01", to: "31/12/2026") { nodes { id } } }', {}, ['to']);
      const add = 'mutation($input: ClosureInput!) { addClosure(input: $input) { id } }';
      await expectBad(target, admin, add, { input: { startDate: '2026-13-01', nationwide: true, reason: 'Snow' } }, ['input.startDate']);
      await expectBad(
        target,
        admin,
        'mutation { addClosure(input: { startDate: "2026-12-24", endDate: "2026-12-32", nationwide: true, reason: "Snow" }) { id } }',
        {},
        ['input.endDate'],
      );
    }
  });
});
