import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every setting the hub reads, validated once at start-up. Nothing else reads process.env.
 */
export interface AppConfig {
  /** 'production' hides stack traces; anything else is development. */
  environment: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** External PostgreSQL; when absent an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  auth: {
    /** HS256 shared secret (development / single-node). */
    jwtSecret: Uint8Array;
    issuer: string;
    audience: string;
    tokenTtlSeconds: number;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return raw;
}

/**
 * Without JWT_SECRET, a random secret is generated once and kept in the data folder so that the
 * server and `npm run token` agree with zero set-up. Production must configure it explicitly.
 */
function jwtSecret(env: Env, dataDir: string, environment: AppConfig['environment']): Uint8Array {
  const configured = env.JWT_SECRET;
  if (configured) {
    if (configured.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
    return new TextEncoder().encode(configured);
  }
  if (environment === 'production') throw new ConfigError('JWT_SECRET is required in production');
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export function loadConfig(env: Env = process.env): AppConfig {
  const environmentRaw = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(environmentRaw)) {
    throw new ConfigError(`NODE_ENV must be production, development or test, got "${environmentRaw}"`);
  }
  const environment = environmentRaw as AppConfig['environment'];
  const dataDir = resolve(env.DATA_DIR || 'data');
  return {
    environment,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: databaseUrl(env),
    dataDir,
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    auth: {
      jwtSecret: jwtSecret(env, dataDir, environment),
      issuer: env.JWT_ISSUER || 'referral-hub',
      audience: env.JWT_AUDIENCE || 'referral-hub',
      tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    },
  };
}
