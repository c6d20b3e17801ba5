import { ConfigError } from '../config/config';

/** A start-up failure whose message already says what is wrong and what to do. */
export class StartupError extends Error {}

type ErrnoLike = Error & { code?: string; port?: number; address?: string; errors?: unknown[] };

/** pg may wrap connection failures (one per resolved address) in an AggregateError. */
function rootCause(error: ErrnoLike): ErrnoLike {
  const nested = error.errors?.find((inner): inner is ErrnoLike => inner instanceof Error);
  return nested ? rootCause(nested) : error;
}

function databaseTarget(databaseUrl: string | null): string {
  if (!databaseUrl) return 'the embedded PostgreSQL';
  const url = new URL(databaseUrl);
  return `the database at ${url.hostname}:${url.port || 5432} (DATABASE_URL)`;
}

/**
 * The one line `[hub] failed to start:` prints: what is wrong and what to do. Errors the hub raises
 * itself carry their own wording; the rest are recognised by their code.
 */
export function explainStartFailure(error: unknown, databaseUrl: string | null): string {
  if (error instanceof ConfigError) return `configuration: ${error.message} (see the configuration table in the README)`;
  if (error instanceof StartupError) return error.message;
  if (!(error instanceof Error)) return `unexpected ${typeof error} thrown: ${String(error)}`;
  const cause = rootCause(error as ErrnoLike);
  switch (cause.code) {
    case 'EADDRINUSE':
      return `port ${cause.port} on ${cause.address} is taken by another program: stop it, or set PORT to a free port`;
    case 'EACCES':
      return cause.port !== undefined
        ? `not allowed to listen on port ${cause.port}: use a port above 1023, or give the hub that privilege`
        : `permission denied: ${cause.message}`;
    case 'ENOSPC':
      return `not enough disk space: ${cause.message}: free some space and start again`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return `cannot reach ${databaseTarget(databaseUrl)} (${cause.code}): check that it is running and the URL is right`;
    case '28P01':
    case '28000':
      return `${databaseTarget(databaseUrl)} refused the credentials: check the user and password in DATABASE_URL`;
    case '3D000':
      return `${databaseTarget(databaseUrl)}: ${cause.message}: create it first`;
    default:
      return cause.message || `${cause.name} without a message`;
  }
}
