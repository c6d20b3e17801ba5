import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { UnauthenticatedError } from '../../platform/common/errors';
import { AppConfig } from '../../platform/config/config';
import { isUuid } from '../../platform/common/uuid';

type AuthConfig = AppConfig['auth'];

/** Issues an HS256 bearer token for an employee (development and `npm run token`). */
export async function issueAccessToken(auth: AuthConfig, employeeId: string, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: auth.scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(employeeId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + auth.tokenTtlSeconds)
    .sign(auth.jwtSecret);
}

/** Who a valid token names: an employee id (`sub`) or an e-mail address, per JWT_EMPLOYEE_CLAIM. */
export type TokenIdentity = { employeeId: string } | { email: string };

/** An e-mail address without control characters or lone surrogates (they must never reach a query). */
const EMAIL = /^[^\s@\p{Cc}\p{Cs}]{1,200}@[^\s@\p{Cc}\p{Cs}]{1,200}$/u;

function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ');
  if (Array.isArray(payload.scp)) return payload.scp.map(String);
  return [];
}

/**
 * Verifies `Authorization: Bearer …`: signature (shared secret, or the issuer's JWKS), issuer, audience,
 * expiry and not-before, a lifetime within the configured maximum, the required scope and a well-formed
 * employee claim. Any failure is UNAUTHENTICATED.
 */
export class AccessTokenVerifier {
  private readonly key: JWTVerifyGetKey;

  constructor(private readonly auth: AuthConfig) {
    const secret = auth.jwtSecret;
    this.key = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : async () => secret;
  }

  async verify(header: string | undefined, now: Date): Promise<TokenIdentity> {
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new UnauthenticatedError('An "Authorization: Bearer <token>" header is required');
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.auth.jwksUrl ? ['RS256', 'PS256', 'ES256', 'EdDSA'] : ['HS256'],
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        currentDate: now,
        requiredClaims: ['exp'],
      };
      ({ payload } = await jwtVerify(match[1], this.key, options));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      throw new UnauthenticatedError('The token is not valid');
    }
    // A stolen long-lived token stays useful for long: refuse those, even when validly signed. Without iat
    // (or with one in the future) the lifetime counts from now.
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const lifetime = payload.exp! - Math.min(payload.iat ?? nowSeconds, nowSeconds);
    if (lifetime > this.auth.maxTokenLifetimeSeconds) {
      throw new UnauthenticatedError(`The token's lifetime exceeds the maximum of ${this.auth.maxTokenLifetimeSeconds} seconds`);
    }
    if (!scopesOf(payload).includes(this.auth.scope)) throw new UnauthenticatedError(`The token lacks the "${this.auth.scope}" scope`);
    if (this.auth.employeeClaim === 'email') {
      const email = typeof payload.email === 'string' ? payload.email.trim() : '';
      if (!EMAIL.test(email)) throw new UnauthenticatedError('The token has no e-mail address claim');
      return { email };
    }
    // Any subject but an employee id names nobody, and must never reach a uuid column.
    if (!payload.sub || !isUuid(payload.sub)) throw new UnauthenticatedError('The token has no employee id as its subject');
    return { employeeId: payload.sub };
  }
}
