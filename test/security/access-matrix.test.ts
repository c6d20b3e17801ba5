import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchema } from 'graphql';
import { ACCESS_POLICY, accessPolicyMarkdownTable, rolesAllow } from '../../src/modules/auth/access-policy';
import { DOWNLOADS } from '../../src/app/downloads';
import { LIVE_UPDATES_PATH } from '../../src/platform/live/live-routes';
import { openLiveStream } from '../support/live-stream';
import { buildHubSchema } from '../../src/app/schema';
import { Employee } from '../../src/modules/org/employee.entity';
import { Role } from '../../src/modules/org/role';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation, VALID_14566 } from '../support/org-fixture';
import { everyOperation } from '../support/operation-documents';
import { fileReferral } from '../support/referral-operations';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { tecs } from '../support/tecs-operations';
import { createOneEmployeePerRole } from '../support/role-callers';
import { DOWNLOAD_DOCUMENT_OPERATION, UPLOAD_DOCUMENT_OPERATION } from '../../src/platform/storage/document.service';
import { downloadDocument, PNG, uploadDocument } from '../support/documents';

let schema: GraphQLSchema;
let hub: TestHub;
let org: TestOrganisation;
let tecsPeople: TecsPeople;
let principals: Map<Role, Employee>;

beforeAll(async () => {
  schema = await buildHubSchema();
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
  tecsPeople = await createTecsOrganisation(hub.services);
  principals = await createOneEmployeePerRole(hub.services, org.functions.am.id, 'matrix');
});

afterAll(() => hub.stop());

describe('the access policy', () => {
  it('covers every query, mutation and download, and names nothing else', () => {
    const operations = [
      ...everyOperation(schema).map((o) => o.name),
      ...DOWNLOADS.map((d) => d.path),
      UPLOAD_DOCUMENT_OPERATION,
      DOWNLOAD_DOCUMENT_OPERATION,
      LIVE_UPDATES_PATH,
    ].sort();
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(operations);
  });

  it('is the table printed in the README', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')).toContain(accessPolicyMarkdownTable());
  });

  it('lets every role call exactly the operations the policy grants it (every operation × every role)', async () => {
    const mismatches: string[] = [];
    for (const operation of everyOperation(schema)) {
      for (const [role, principal] of principals) {
        const response = await hub.request(principal.id, operation.query, operation.variables);
        const forbidden = response.errors?.[0]?.extensions?.code === 'FORBIDDEN';
        const allowed = rolesAllow(ACCESS_POLICY[operation.name], [role]);
        if (forbidden === allowed) mismatches.push(`${operation.name} as ${role}: ${forbidden ? 'FORBIDDEN' : 'not refused'}`);
        expect(response.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('lets every role download exactly the exports the policy grants it (every download × every role)', async () => {
    const mismatches: string[] = [];
    for (const { path } of DOWNLOADS) {
      for (const [role, principal] of principals) {
        const response = await hub.download(principal.id, path);
        await response.arrayBuffer();
        const allowed = rolesAllow(ACCESS_POLICY[path], [role]);
        // Allowed callers get past the policy: 200, or 400 where the download needs filters (the SLA period).
        if ((response.status === 403) === allowed) mismatches.push(`${path} as ${role}: ${response.status}`);
        expect(response.status).not.toBe(500);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets every role reach the document routes exactly as the policy grants it (then the owner decides: NOT_FOUND here)', async () => {
    const mismatches: string[] = [];
    const nowhere = '00000000-0000-4000-8000-000000000000';
    for (const [role, principal] of principals) {
      const upload = await uploadDocument(hub, principal.id, nowhere, PNG, 'x.png');
      const download = await downloadDocument(hub, principal.id, nowhere);
      await download.arrayBuffer();
      for (const [operation, status] of [
        [UPLOAD_DOCUMENT_OPERATION, upload.status],
        [DOWNLOAD_DOCUMENT_OPERATION, download.status],
      ] as const) {
        const allowed = rolesAllow(ACCESS_POLICY[operation], [role]);
        if (status !== (allowed ? 404 : 403)) mismatches.push(`${operation} as ${role}: ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets every role open the live-update stream exactly as the policy grants it', async () => {
    const mismatches: string[] = [];
    for (const [role, principal] of principals) {
      const stream = await openLiveStream(hub, principal.id);
      stream.close();
      if ((stream.status === 200) !== rolesAllow(ACCESS_POLICY[LIVE_UPDATES_PATH], [role])) mismatches.push(`${role}: ${stream.status}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('related vs unrelated actors', () => {
  it('shows a referral and its history to the parties only', async () => {
    const referral = await fileReferral(hub, org.people.originator.id, {
      form: 'F14566',
      receivingFunctionId: org.functions.ef.id,
      content: { form14566: VALID_14566 },
    });
    for (const [query, related, unrelated] of [
      [
        'query($id: UUID!) { referral(id: $id) { id } }',
        [org.people.originator, org.people.amLiaison, org.people.efLiaison, org.people.admin],
        [org.people.amColleague, org.people.rivoLiaison, org.people.efWorker],
      ],
      [
        'query($id: UUID!) { referralHistory(referralId: $id) { id } }',
        [org.people.originator, org.people.amLiaison],
        [org.people.amColleague, org.people.cawrLiaison],
      ],
    ] as const) {
      for (const person of related) expect(dataOf(await hub.request(person.id, query, { id: referral.id }))).toBeTruthy();
      for (const person of unrelated) expect(errorCodeOf(await hub.request(person.id, query, { id: referral.id }))).toBe('NOT_FOUND');
    }
  });

  it('shows TECS items to those on the case only', async () => {
    const lookout = await tecs(hub, tecsPeople.clevelandRo.id, 'requestLookout', CLEVELAND_REQUEST);
    const query = 'query($id: UUID!) { lookout(id: $id) { id } }';
    for (const person of [tecsPeople.clevelandRo, tecsPeople.clevelandGm, tecsPeople.coordinator]) {
      expect(dataOf(await hub.request(person.id, query, { id: lookout.id })).lookout.id).toBe(lookout.id);
    }
    for (const person of [tecsPeople.otherRo, tecsPeople.intlGm, tecsPeople.ciAgent, tecsPeople.admin, org.people.originator]) {
      expect(errorCodeOf(await hub.request(person.id, query, { id: lookout.id }))).toBe('FORBIDDEN');
    }
  });
});
