import 'reflect-metadata';
import { SignJWT } from 'jose';
import { issueAccessToken } from '../../src/modules/auth/access-token';
import { ConfigError } from '../../src/platform/config/config';
import { dataOf, errorCodeOf, startTestHub, TestHub, testConfig } from '../support/hub';
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
    const otherAlgorithm = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(id)
      .setIssuer(hub.config.auth.issuer)
      .setAudience(hub.config.auth.audience)
      .setExpirationTime('1h')
      .sign(hub.config.auth.jwtSecret);
    for (const token of [expired, forged, otherAudience, otherAlgorithm]) {
      const response = await hub.request({ authorization: `Bearer ${token}` }, ME);
      expect([response.status, errorCodeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it("refuses a deactivated employee's otherwise valid token", async () => {
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

  /** A token signed with the hub's secret, with the claims given (iat and exp in seconds, relative to the test clock). */
  async function signed(claims: { sub?: string; iat?: number; exp: number }): Promise<string> {
    const now = Math.floor(hub.clock.now().getTime() / 1000);
    const jwt = new SignJWT({ scope: hub.config.auth.scope })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(hub.config.auth.issuer)
      .setAudience(hub.config.auth.audience);
    if (claims.sub !== undefined) jwt.setSubject(claims.sub);
    if (claims.iat !== undefined) jwt.setIssuedAt(now + claims.iat);
    return jwt.setExpirationTime(now + claims.exp).sign(hub.config.auth.jwtSecret);
  }

  it.each([
    ['an e-mail', 'am.liaison@example.gov'],
    ['SQL', "x' OR '1'='1"],
    ['an empty string', ''],
    ['a UUID with trailing text', `${'0'.repeat(8)}-0000-4000-8000-000000000000x`],
  ])('refuses a validly signed token whose subject is %s (not an employee id) with 401 UNAUTHENTICATED', async (_case, sub) => {
    const response = await hub.request({ authorization: `Bearer ${await signed({ sub, iat: 0, exp: 600 })}` }, ME);
    expect([response.status, errorCodeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(JSON.stringify(response)).not.toMatch(/uuid|syntax/i);
  });

  it('refuses a token that lives longer than the configured maximum (12 h by default), with or without iat', async () => {
    const sub = org.people.amLiaison.id;
    expect(hub.config.auth.maxTokenLifetimeSeconds).toBe(12 * 3600);
    const longLived = await signed({ sub, iat: -60, exp: 12 * 3600 });
    const noIatFarExpiry = await signed({ sub, exp: 12 * 3600 + 60 });
    for (const token of [longLived, noIatFarExpiry]) {
      const response = await hub.request({ authorization: `Bearer ${token}` }, ME);
      expect([response.status, errorCodeOf(response), response.errors![0].message]).toEqual([
        401,
        'UNAUTHENTICATED',
        expect.stringMatching(/lifetime/),
      ]);
    }
    // Exactly the maximum, and no iat with a near expiry: accepted.
    expect(dataOf(await hub.request({ authorization: `Bearer ${await signed({ sub, iat: 0, exp: 12 * 3600 })}` }, ME)).me.email).toBe(
      'am.liaison@example.gov',
    );
    expect(dataOf(await hub.request({ authorization: `Bearer ${await signed({ sub, exp: 3600 })}` }, ME)).me.email).toBe(
      'am.liaison@example.gov',
    );
  });
});

describe('token lifetime settings', () => {
  it('refuses a TOKEN_TTL_SECONDS above TOKEN_MAX_LIFETIME_SECONDS, and takes a configured maximum', () => {
    const url = 'postgresql://127.0.0.1/unused';
    expect(() => testConfig(url, { TOKEN_TTL_SECONDS: String(13 * 3600) })).toThrow(ConfigError);
    expect(() => testConfig(url, { TOKEN_TTL_SECONDS: '7200', TOKEN_MAX_LIFETIME_SECONDS: '3600' })).toThrow(/TOKEN_TTL_SECONDS/);
    expect(testConfig(url, { TOKEN_TTL_SECONDS: '3600', TOKEN_MAX_LIFETIME_SECONDS: '3600' }).auth).toMatchObject({
      tokenTtlSeconds: 3600,
      maxTokenLifetimeSeconds: 3600,
    });
  });
});
