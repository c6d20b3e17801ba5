import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A real OpenID Connect provider for tests, on 127.0.0.1 over HTTP: discovery, an authorization endpoint that signs
 * in `nextSubject` without asking, a token endpoint that checks the PKCE verifier, and its JWKS. Tokens are RS256.
 */
export interface OidcProvider {
  issuer: string;
  jwksUrl: string;
  /** The employee id the next authorization signs in. */
  nextSubject: string | null;
  /** Every code exchange: what the client sent. */
  exchanges: { clientId: string; codeVerifierMatched: boolean; redirectUri: string }[];
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  // The console calls discovery and the token endpoint from its own origin.
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startOidcProvider(options: { audience: string; scope: string }): Promise<OidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { subject: string; challenge: string; clientId: string; redirectUri: string }>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (claims: Record<string, unknown>, subject: string, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setSubject(subject)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

  const provider: OidcProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    nextSubject: null,
    exchanges: [],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'GET, POST',
      });
      return res.end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: provider.jwksUrl,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      if (!provider.nextSubject || url.searchParams.get('code_challenge_method') !== 'S256') {
        redirect.searchParams.set('error', 'access_denied');
      } else {
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          subject: provider.nextSubject,
          challenge: url.searchParams.get('code_challenge')!,
          clientId: url.searchParams.get('client_id')!,
          redirectUri: redirect.toString(),
        });
        redirect.searchParams.set('code', code);
      }
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: redirect.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const codeVerifierMatched = !!grant && createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      provider.exchanges.push({ clientId: form.get('client_id') ?? '', codeVerifierMatched, redirectUri: form.get('redirect_uri') ?? '' });
      if (!grant || !codeVerifierMatched || form.get('redirect_uri') !== grant.redirectUri)
        return json(res, 400, { error: 'invalid_grant' });
      return json(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: await sign({ scope: options.scope }, grant.subject, options.audience),
        id_token: await sign({}, grant.subject, grant.clientId),
      });
    }
    json(res, 404, { error: 'not_found' });
  });
  return provider;
}
