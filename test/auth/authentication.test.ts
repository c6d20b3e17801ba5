import 'reflect-metadata';
import { SignJWT } from 'jose';
import { issueAccessToken } from '../../src/auth/access-token';
import { dataOf, errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

let hub: TestHub;
let org: TestOrganisation;

beforeAll(async () => {
  hub = await startTestHub();
  org = await createTestOrganisation(hub.services, hub.database.dataSource);
});

afterAll(() => hub.stop());

const ME = '{ me { email roles function { code } } }';

describe('bearer tokens', () => {
  it('answers `me` for a valid token', async () => {
    const data = dataOf(await hub.request(org.people.amLiaison.id, ME));
    expect(data.me).toEqual({ email: 'am.liaison@example.gov', roles: ['FUNCTIONAL_EMPLOYEE'], function: { code: 'AM' } });
  });

  it.each([
    ['no header', undefined],
    ['not a bearer header', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_case, authorization) => {
    const response = await hub.request({ authorization }, ME);
    expect(response.status).toBe(401);
    expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token, a token signed with another secret and one for another audience', async () => {
    const id = org.people.amLiaison.id;
    const expired = await issueAccessToken(hub.config.auth, id, new Date(hub.clock.now().getTime() - 9 * 3600_000));
    const forged = await issueAccessToken({ ...hub.config.auth, jwtSecret: new TextEncoder().encode('x'.repeat(40)) }, id, hub.clock.now());
    const otherAudience = await issueAccessToken({ ...hub.config.auth, audience: 'someone-else' }, id, hub.clock.now());
    const otherAlgorithm = await new SignJWT({}).setProtectedHeader({ alg: 'HS512' }).setSubject(id).setIssuer(hub.config.auth.issuer)
      .setAudience(hub.config.auth.audience).setExpirationTime('1h').sign(hub.config.auth.jwtSecret);
    for (const token of [expired, forged, otherAudience, otherAlgorithm]) {
      const response = await hub.request({ authorization: `Bearer ${token}` }, ME);
      expect([response.status, errorCodeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('refuses a deactivated employee\'s otherwise valid token', async () => {
    const token = await hub.tokenFor(org.people.amColleague.id);
    await hub.services.org.updateEmployee(org.people.amColleague.id, { active: false });
    const response = await hub.request({ authorization: `Bearer ${token}` }, ME);
    expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
    await hub.services.org.updateEmployee(org.people.amColleague.id, { active: true });
  });

  it('refuses a token for an employee who does not exist', async () => {
    const response = await hub.request({ authorization: `Bearer ${await hub.tokenFor('00000000-0000-4000-8000-000000000000')}` }, ME);
    expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
  });
});
