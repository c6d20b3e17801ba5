import { errors, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config';
import { UnauthenticatedError } from '../common/errors';

type AuthConfig = AppConfig['auth'];

/** Issues a bearer token whose subject is the employee id. */
export async function issueAccessToken(auth: AuthConfig, employeeId: string, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(employeeId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + auth.tokenTtlSeconds)
    .sign(auth.jwtSecret);
}

/** Returns the employee id of a valid `Authorization: Bearer …` header. */
export async function verifyBearer(auth: AuthConfig, header: string | undefined, now: Date): Promise<string> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw new UnauthenticatedError('An "Authorization: Bearer <token>" header is required');
  try {
    const { payload } = await jwtVerify(match[1], auth.jwtSecret, {
      algorithms: ['HS256'],
      issuer: auth.issuer,
      audience: auth.audience,
      currentDate: now,
    });
    if (!payload.sub) throw new UnauthenticatedError('The token has no subject');
    return payload.sub;
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
    throw new UnauthenticatedError('The token is not valid');
  }
}
