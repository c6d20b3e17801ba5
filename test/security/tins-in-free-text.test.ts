import 'reflect-metadata';
import { getNamedType, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { isIdentifierField } from '../../src/platform/graphql/identifier-field';
import { buildHubSchema } from '../../src/app/schema';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { containsTinShapedNumber } from '../../src/platform/security/tin-shapes';
import { dataOf, GraphQLResponse, startTestHub, TestHub } from '../support/hub';
import { everyOperation, OperationDocument, sampleValue } from '../support/operation-documents';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { act, FILE_REFERRAL, fileReferral, TRANSITIONS } from '../support/referral-operations';
import { admittedCaller, createOneEmployeePerRole } from '../support/role-callers';

const TIN_IN_TEXT = 'enter TINs only in the TIN fields';

describe('what counts as a TIN-shaped number', () => {
  it.each([
    'Checked SSN 521-47-3398',
    'please fix TIN 521473398 today',
    'EIN 12-3456789.',
    'ITIN 912-70-1234',
    'SSN 521 47 3398 by phone',
    'SSN 521.47.3398',
    'SSN521473398 and TIN#521-47-3398',
    '(521-47-3398)',
  ])('finds one in %j', (text) => expect(containsTinShapedNumber(text)).toBe(true));

  it.each([
    'Call 202-555-0143 or (202) 555-0143 or 202 555 0143 or 2025550143',
    'DLN 28221-123-45678-6 and 28221123456786',
    'tax periods 202412, 202503; MFT 30',
    'ZIP+4 20500-0003',
    'filed 2026-11-23, due 12/01/2026',
    'see 14566-2026-000002 and L-2026-000017',
    'balance $141,000.00 or 141000.00; 1234567890 is ten digits; 12.3456789 is a decimal; 192.168.100.20',
    'https://hub.example.gov/referrals/c0ffee00-1234-4abc-8def-123456789abc and …/a1b2c3d4-e5f6-4a7b-ab12-3456789cdef0',
    'A-number A123456789',
  ])('finds none in %j', (text) => expect(containsTinShapedNumber(text)).toBe(false));
});

describe('through the API', () => {
  let hub: TestHub;
  let org: TestOrganisation;
  let schema: GraphQLSchema;
  let people: Map<Role, Employee>;

  beforeAll(async () => {
    schema = await buildHubSchema();
    hub = await startTestHub();
    org = await createTestOrganisation(hub.services, hub.database.dataSource);
    people = await createOneEmployeePerRole(hub.services, org.functions.am.id, 'tin');
  });

  afterAll(() => hub.stop());

  const fieldErrorsOf = (response: GraphQLResponse) => {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors![0].extensions!.fieldErrors as { field: string; message: string }[];
  };
  const count = async (table: string) => Number((await hub.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const file14566 = (overrides: Record<string, unknown>) =>
    hub.request(org.people.originator.id, FILE_REFERRAL, {
      input: { form: 'F14566', receivingFunctionId: org.functions.ef.id, content: { form14566: { ...VALID_14566, ...overrides } } },
    });

  it('refuses a TIN typed into the research or the requested actions of a 14566, naming the field, and stores nothing', async () => {
    const before = await count('referral');
    const research = fieldErrorsOf(await file14566({ completedResearch: ['BMFOL: no filings', 'Checked SSN 521-47-3398'] }));
    expect(research).toEqual([{ field: 'input.content.form14566.completedResearch[1]', message: expect.stringContaining(TIN_IN_TEXT) }]);
    const actions = fieldErrorsOf(await file14566({ requestedActions: 'Add to the scheme list; TIN 521473398' }));
    expect(actions).toEqual([{ field: 'input.content.form14566.requestedActions', message: expect.stringContaining(TIN_IN_TEXT) }]);
    expect(JSON.stringify([research, actions])).not.toMatch(/521-?47-?3398/);
    expect(await count('referral')).toBe(before);
  });

  it('refuses a TIN in a forward note and in an elevation reason, and records no history', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    const history = await count('referral_history');
    const forward = await hub.request(org.people.amLiaison.id, TRANSITIONS.forward, {
      input: { referralId: referral.id, note: 'Forwarding; EIN 12-3456789 per the caller' },
    });
    expect(fieldErrorsOf(forward)).toEqual([{ field: 'input.note', message: expect.stringContaining(TIN_IN_TEXT) }]);
    const elevate = await hub.request(org.people.originator.id, TRANSITIONS.elevate, {
      input: { referralId: referral.id, reason: 'Owner SSN 521 47 3398 disputes it' },
    });
    expect(fieldErrorsOf(elevate)).toEqual([{ field: 'input.reason', message: expect.stringContaining(TIN_IN_TEXT) }]);
    expect(await count('referral_history')).toBe(history);
  });

  it('accepts the TIN fields, phone and fax, and free text full of numbers that are not TINs', async () => {
    const filed = dataOf(
      await file14566({
        completedResearch: [
          'Called 202-555-0143; DLN 28221-123-45678-6 (28221123456786) for 202412',
          'ZIP+4 20500-0003, see 14566-2026-000002 of 2026-11-23',
        ],
        originatorContact: { name: 'Pat Examiner', phone: '202 555 0143', fax: '(202) 555-0199' },
      }),
    ).fileReferral;
    await act(hub, org.people.amLiaison.id, 'forward', { referralId: filed.id, note: 'Balance $141,000.00 on 14566-2026-000002' });
  });

  interface StringLeaf {
    /** Where to put the value, from the argument down (a list of objects: its first item). */
    path: string[];
    /** The field the error must name, e.g. input.content.form3210.attachments[0].title */
    field: string;
    identifier: boolean;
    list: boolean;
  }

  /** Every String leaf under an input type, and whether its field is marked as an identifier. */
  function stringLeaves(type: GraphQLInputType, path: string[], field: string, seen: ReadonlySet<string>): StringLeaf[] {
    if (isNonNullType(type)) return stringLeaves(type.ofType, path, field, seen);
    if (isListType(type)) {
      if (isScalarType(getNamedType(type)))
        return stringLeaves(type.ofType, path, `${field}[0]`, seen).map((leaf) => ({ ...leaf, list: true }));
      return stringLeaves(type.ofType, path, `${field}[0]`, seen);
    }
    if (isScalarType(type)) return type.name === 'String' ? [{ path, field, identifier: false, list: false }] : [];
    if (!isInputObjectType(type) || seen.has(type.name)) return [];
    return Object.values(type.getFields()).flatMap((child) =>
      stringLeaves(child.type, [...path, child.name], `${field}.${child.name}`, new Set([...seen, type.name])).map((leaf) =>
        leaf.path.length === path.length + 1 && isIdentifierField(child) ? { ...leaf, identifier: true } : leaf,
      ),
    );
  }

  /** The operation's sample variables with a value set at `path` (objects on the way filled with their required fields). */
  function withValueAt(op: OperationDocument, path: string[], value: unknown): Record<string, unknown> {
    const variables = structuredClone(op.variables);
    let node: Record<string, unknown> = variables;
    let type: GraphQLInputType = op.args.find((a) => a.name === path[0])!.type;
    for (let i = 0; i < path.length - 1; i++) {
      while (isNonNullType(type) || isListType(type)) type = type.ofType;
      if (!isInputObjectType(type)) throw new Error(`not an input object at ${path.slice(0, i + 1).join('.')}`);
      node[path[i]] ??= sampleValue(type);
      const child = node[path[i]];
      node = (Array.isArray(child) ? child[0] : child) as Record<string, unknown>;
      type = type.getFields()[path[i + 1]].type;
    }
    node[path[path.length - 1]] = value;
    return variables;
  }

  it('refuses a TIN in every free-text field of every operation, and exempts exactly the identifier fields', async () => {
    const failures: string[] = [];
    const exempt: string[] = [];
    for (const op of everyOperation(schema, { allArguments: true })) {
      const caller = admittedCaller(people, op.name);
      for (const arg of op.args) {
        for (const leaf of stringLeaves(arg.type, [arg.name], arg.name, new Set())) {
          const name = `${op.name}(${leaf.field})`;
          if (leaf.identifier) {
            exempt.push(leaf.path.slice(-1)[0]);
            continue;
          }
          const text = 'Checked SSN 521-47-3398';
          const response = await hub.request(caller, op.query, withValueAt(op, leaf.path, leaf.list ? [text] : text));
          const errors = (response.errors?.[0]?.extensions?.fieldErrors ?? []) as { field: string; message: string }[];
          if (!errors.some((e) => e.field === leaf.field && e.message.includes(TIN_IN_TEXT)))
            failures.push(`${name}: ${JSON.stringify(response.errors?.[0] ?? 'accepted')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...new Set(exempt)].sort()).toEqual([
      'dhsReference',
      'dhsReportId',
      'dln',
      'documentNumber',
      'ein',
      'fax',
      'letterReference',
      'mft',
      'phone',
      'reference',
      'referenceNumber',
      'ssn',
      'taxPeriod',
      'tecsRecordReference',
      'tin',
      'zip',
    ]);
  }, 180_000);
});
