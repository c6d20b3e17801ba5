import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { createTestDatabase, TestDatabase } from '../support/database';
import { errorCodeOf, startTestHub, TestHub } from '../support/hub';
import { createTestOrganisation, TestOrganisation } from '../support/org-fixture';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

let jwksServer: Server;
let database: TestDatabase;
let hub: TestHub;
let org: TestOrganisation;
let signingKey: PrivateKey;
let strangerKey: PrivateKey;
const ISSUER = 'https://idp.example.gov/realms/irs';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  // A real JWKS endpoint on loopback, as an OIDC provider would publish it.
  jwksServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/certs`;
  database = await createTestDatabase();
  hub = await startTestHub({
    database,
    env: { JWT_JWKS_URL: jwksUrl, JWT_ISSUER: ISSUER, JWT_AUDIENCE: 'referral-hub-api', JWT_EMPLOYEE_CLAIM: 'email' },
  });
  org = await createTestOrganisation(hub.services, database.dataSource);
});

afterAll(async () => {
  await hub.stop();
  await database.drop();
  jwksServer.close();
});

async function token(
  claims: Record<string, unknown>,
  options: { key?: PrivateKey; audience?: string; expiresIn?: number; notBefore?: number; issuedAt?: number | null } = {},
) {
  const now = Math.floor(hub.clock.now().getTime() / 1000);
  const jwt = new SignJWT({ scope: 'openid referral-hub', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? 'referral-hub-api')
    .setSubject('idp-user-42')
    .setNotBefore(now + (options.notBefore ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.issuedAt !== null) jwt.setIssuedAt(now + (options.issuedAt ?? 0));
  return jwt.sign(options.key ?? signingKey);
}

const me = (bearer: string) => hub.request({ authorization: `Bearer ${bearer}` }, '{ me { email } }');

it('accepts a token from the OIDC provider and maps its e-mail claim to the employee', async () => {
  const response = await me(await token({ email: 'AM.Liaison@example.gov' }));
  expect(response.data?.me).toEqual({ email: 'am.liaison@example.gov' });
});

it.each([
  ['signed by another key', { email: 'am.liaison@example.gov' }, { key: undefined as PrivateKey | undefined, stranger: true }],
  ['for another audience', { email: 'am.liaison@example.gov' }, { audience: 'someone-else' }],
  ['expired', { email: 'am.liaison@example.gov' }, { expiresIn: -60 }],
  ['not yet valid', { email: 'am.liaison@example.gov' }, { notBefore: 300 }],
  ['without the hub scope', { email: 'am.liaison@example.gov', scope: 'openid profile' }, {}],
  ['for nobody on the staff', { email: 'stranger@example.gov' }, {}],
  ['whose e-mail claim is SQL', { email: "x' OR '1'='1" }, {}],
  ['whose e-mail claim is not text', { email: 42 }, {}],
  ['whose e-mail claim holds a NUL character', { email: 'am.liaison\u0000@example.gov' }, {}],
  ['whose e-mail claim holds a lone surrogate', { email: 'am.liaison\ud800@example.gov' }, {}],
  ['living longer than 12 h (exp − iat)', { email: 'am.liaison@example.gov' }, { issuedAt: -3600, expiresIn: 11.5 * 3600 }],
  ['without iat, expiring more than 12 h from now', { email: 'am.liaison@example.gov' }, { issuedAt: null, expiresIn: 13 * 3600 }],
])('refuses a token %s with UNAUTHENTICATED', async (_case, claims, options) => {
  const { stranger, ...rest } = options as {
    stranger?: boolean;
    audience?: string;
    expiresIn?: number;
    notBefore?: number;
    issuedAt?: number | null;
  };
  const response = await me(await token(claims, { ...rest, key: stranger ? strangerKey : undefined }));
  expect([response.status, errorCodeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
});

it('refuses an HS256 token signed with the development secret when a JWKS is configured', async () => {
  const forged = await new SignJWT({ scope: 'referral-hub', email: 'admin@example.gov' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience('referral-hub-api')
    .setExpirationTime('5m')
    .sign(hub.config.auth.jwtSecret);
  expect(errorCodeOf(await me(forged))).toBe('UNAUTHENTICATED');
  expect(org.people.admin.email).toBe('admin@example.gov');
});
