import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isTimeZone } from '../calendar/time-zone';

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
  database: {
    /** Connections of the hub's own pool; pg-boss keeps a second, smaller pool. */
    poolSize: number;
    jobQueuePoolSize: number;
    /** Applied to every connection of the hub's pool (0 = no limit); migrations run without it. */
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    /** false: another step migrates; the hub refuses to serve while migrations are pending. */
    runMigrations: boolean;
  };
  /** SIGINT/SIGTERM: the whole ordered stop must finish within this, or the process exits with code 1. */
  shutdownTimeoutSeconds: number;
  mail: {
    /** smtp:// or smtps:// URL; null writes each message as an .eml file under `outboxDir`. */
    smtpUrl: string | null;
    from: string;
    outboxDir: string;
    /** Links in notices point here (e.g. the web front end). */
    baseUrl: string;
    retryLimit: number;
    retryDelaySeconds: number;
    /** SMTP connection, greeting and socket-inactivity timeout; a delivery job expires soon after. */
    timeoutSeconds: number;
  };
  jobs: {
    /** Run the workers and crons in this process (several instances may run them: pg-boss coordinates). */
    enabled: boolean;
    slaSweepCron: string;
    digestCron: string;
    digestTimeZone: string;
    pollingIntervalSeconds: number;
  };
  graphql: {
    /** Schema introspection; off in production unless enabled. */
    introspection: boolean;
    /** GraphiQL at GET /graphql (bundled, works offline); off in production unless enabled. */
    explorer: boolean;
    /** Where `npm run build` writes GraphiQL (served only while `explorer` is on). */
    explorerDirectory: string;
    maxDepth: number;
    maxComplexity: number;
    /** Aliased fields per operation: one field asked for a thousand times is a thousand requests. */
    maxAliases: number;
    /** Tokens of a parsed document: parsing stops there, before validation spends time on it. */
    maxTokens: number;
    maxBodyBytes: number;
    /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
    trustProxy: boolean;
  };
  exports: {
    /** CSV downloads served at once (each holds a database connection while it streams); more get HTTP 429. */
    maxConcurrent: number;
    /** A download whose reader takes nothing for this long is cut, so a stalled client cannot hold a connection. */
    idleTimeoutSeconds: number;
  };
  /** Documents attached to referrals (src/platform/storage). */
  documents: {
    /** Largest document accepted, in bytes. */
    maxBytes: number;
    /** Uploads stored at once (each holds a database connection and transaction while it streams); more get HTTP 429. */
    maxConcurrentUploads: number;
    /** A ClamAV daemon (CLAMD_ADDRESS) that scans every upload before it becomes visible; null: no scanner. */
    clamd: { host: string; port: number; timeoutSeconds: number } | null;
  };
  /** The built web console (`npm run build` writes it there), served at `/`. */
  console: {
    directory: string;
    /** OpenID Connect sign-in (authorization code + PKCE, a public client) against the provider JWT_JWKS_URL trusts. */
    oidc: { issuer: string; clientId: string; scope: string } | null;
  };
  tecs: {
    /** An OI is due this many business days after it is opened when DHS gave no departure date. */
    investigationDueBusinessDays: number;
    /** A crossing whose taxpayer leaves within this many days is time-critical. */
    timeCriticalDays: number;
  };
  /** Structured logs (pino): JSON lines in production, human-readable in development unless LOG_FORMAT says otherwise. */
  logging: {
    level: LogLevel;
    format: 'json' | 'pretty';
  };
  /** Prometheus metrics on their own listener (never on the API port); null port = off. */
  metrics: {
    port: number | null;
    host: string;
    /** When set, a scrape must send `Authorization: Bearer <token>`. */
    token: string | null;
  };
  /** Keys for taxpayer identifiers at rest (AES-256-GCM data keys by id, the current id, the HMAC key). */
  dataProtection: {
    keys: Map<string, Buffer>;
    currentKeyId: string;
    hmacKey: Buffer;
  };
  auth: {
    /** HS256 shared secret (development / single node); used when no JWKS URL is configured. */
    jwtSecret: Uint8Array;
    /** An OIDC provider's JWKS URL (production): tokens are then verified against its public keys. */
    jwksUrl: string | null;
    issuer: string;
    audience: string;
    /** A token must carry this scope (space-separated `scope` claim, or `scp` list). */
    scope: string;
    /** Which claim names the employee: `sub` (the employee id) or `email`. */
    employeeClaim: 'sub' | 'email';
    tokenTtlSeconds: number;
    /** Tokens living longer than this (exp − iat, or exp − now without iat) are refused, whoever issued them. */
    maxTokenLifetimeSeconds: number;
  };
}

export class ConfigError extends Error {}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL`);
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name] || fallback;
  if (!values.includes(raw as T)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function timeZone(env: Env, name: string, fallback: string): string {
  const zone = env[name] || fallback;
  if (!isTimeZone(zone)) throw new ConfigError(`${name} is not an IANA time zone: "${zone}"`);
  return zone;
}

function cron(env: Env, name: string, fallback: string): string {
  const expression = env[name] || fallback;
  if (expression.trim().split(/\s+/).length !== 5) throw new ConfigError(`${name} must be a 5-field cron expression, got "${expression}"`);
  return expression;
}

function databaseUrl(env: Env, environment: AppConfig['environment']): string | null {
  const raw = env.DATABASE_URL;
  if (!raw && environment === 'production') {
    throw new ConfigError('DATABASE_URL is required in production (the embedded PostgreSQL is for development and tests)');
  }
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
  // With an OIDC provider's JWKS the shared secret verifies nothing; it only signs development tokens.
  if (env.JWT_JWKS_URL) return randomBytes(48);
  if (environment === 'production') throw new ConfigError('JWT_SECRET (or JWT_JWKS_URL) is required in production');
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

function base64Key(name: string, raw: string, bytes: number): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== bytes) throw new ConfigError(`${name}: each key must be ${bytes} bytes, base64-encoded`);
  return key;
}

/**
 * DATA_KEYS = "id:base64key,id2:base64key" (32-byte AES keys; keep retired ones so old rows still open),
 * DATA_KEY_ID = the id new values are sealed with, DATA_HMAC_KEY = base64 (32 bytes) for search hashes.
 * Without them (development) keys are generated once into the data folder; production must configure them.
 */
function dataProtection(env: Env, dataDir: string, environment: AppConfig['environment']): AppConfig['dataProtection'] {
  if (!env.DATA_KEYS) {
    if (environment === 'production') throw new ConfigError('DATA_KEYS, DATA_KEY_ID and DATA_HMAC_KEY are required in production');
    const file = join(dataDir, 'data-keys.json');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      const generated = { keys: `dev1:${randomBytes(32).toString('base64')}`, keyId: 'dev1', hmac: randomBytes(32).toString('base64') };
      writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
    }
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: string; keyId: string; hmac: string };
    return dataProtection({ DATA_KEYS: stored.keys, DATA_KEY_ID: stored.keyId, DATA_HMAC_KEY: stored.hmac }, dataDir, environment);
  }
  const keys = new Map<string, Buffer>();
  for (const entry of env.DATA_KEYS.split(',')) {
    const [id, key] = entry.split(':');
    if (!id || !key || !/^[\w-]{1,32}$/.test(id)) throw new ConfigError('DATA_KEYS must look like "id:base64key,id2:base64key"');
    keys.set(id, base64Key('DATA_KEYS', key, 32));
  }
  const currentKeyId = env.DATA_KEY_ID || [...keys.keys()][0];
  if (!keys.has(currentKeyId)) throw new ConfigError(`DATA_KEY_ID "${currentKeyId}" is not in DATA_KEYS`);
  if (!env.DATA_HMAC_KEY) throw new ConfigError('DATA_HMAC_KEY is required with DATA_KEYS');
  return { keys, currentKeyId, hmacKey: base64Key('DATA_HMAC_KEY', env.DATA_HMAC_KEY, 32) };
}

/** CLAMD_ADDRESS = host:port of a ClamAV daemon's TCP socket (clamd.conf TCPSocket/TCPAddr); unset: no scanning. */
function clamd(env: Env): AppConfig['documents']['clamd'] {
  const raw = env.CLAMD_ADDRESS;
  if (!raw) return null;
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(raw);
  const port = match ? Number(match[2]) : 0;
  if (!match || port < 1 || port > 65535) throw new ConfigError(`CLAMD_ADDRESS must be host:port, got "${raw}"`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port, timeoutSeconds: integer(env, 'CLAMD_TIMEOUT_SECONDS', 60, 1, 3600) };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Metrics are off unless METRICS_PORT is set; off the loopback interface a scrape token is required. */
function metrics(env: Env, apiHost: string, apiPort: number): AppConfig['metrics'] {
  const port = integer(env, 'METRICS_PORT', 0, 0, 65535) || null;
  const host = env.METRICS_HOST || '127.0.0.1';
  const token = env.METRICS_TOKEN || null;
  if (token !== null && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  if (port !== null && !LOOPBACK.test(host) && token === null) {
    throw new ConfigError(`METRICS_TOKEN is required when METRICS_HOST is not a loopback address (got "${host}")`);
  }
  if (port !== null && port === apiPort && host === apiHost) throw new ConfigError('METRICS_PORT must differ from PORT');
  return { port, host, token };
}

/** The lifetime of the tokens the hub issues may not exceed the longest it accepts. */
function tokenLifetimes(env: Env): Pick<AppConfig['auth'], 'tokenTtlSeconds' | 'maxTokenLifetimeSeconds'> {
  const maxTokenLifetimeSeconds = integer(env, 'TOKEN_MAX_LIFETIME_SECONDS', 12 * 3600, 60, 30 * 24 * 3600);
  const tokenTtlSeconds = integer(env, 'TOKEN_TTL_SECONDS', Math.min(8 * 3600, maxTokenLifetimeSeconds), 60, 30 * 24 * 3600);
  if (tokenTtlSeconds > maxTokenLifetimeSeconds) {
    throw new ConfigError(`TOKEN_TTL_SECONDS (${tokenTtlSeconds}) must not exceed TOKEN_MAX_LIFETIME_SECONDS (${maxTokenLifetimeSeconds})`);
  }
  return { tokenTtlSeconds, maxTokenLifetimeSeconds };
}

/**
 * The console's OIDC sign-in: the provider (OIDC_ISSUER) must be the one whose keys verify the tokens (JWT_JWKS_URL),
 * and in production it is reached over https only.
 */
function consoleOidc(env: Env, environment: AppConfig['environment']): AppConfig['console']['oidc'] {
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId) return null;
  const issuer = url(env, 'OIDC_ISSUER', environment === 'production' ? ['https:'] : ['https:', 'http:']);
  if (!issuer) throw new ConfigError('OIDC_ISSUER is required with OIDC_CLIENT_ID');
  if (!env.JWT_JWKS_URL) throw new ConfigError("OIDC_CLIENT_ID needs JWT_JWKS_URL: the hub verifies the provider's tokens with its keys");
  return { issuer, clientId, scope: env.OIDC_SCOPE || `openid ${env.JWT_SCOPE || 'referral-hub'}` };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const environmentRaw = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(environmentRaw)) {
    throw new ConfigError(`NODE_ENV must be production, development or test, got "${environmentRaw}"`);
  }
  const environment = environmentRaw as AppConfig['environment'];
  const dataDir = resolve(env.DATA_DIR || 'data');
  const host = env.HOST || '127.0.0.1';
  const port = integer(env, 'PORT', 4000, 0, 65535);
  return {
    environment,
    host,
    port,
    databaseUrl: databaseUrl(env, environment),
    dataDir,
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    database: {
      poolSize: integer(env, 'DB_POOL_SIZE', 10, 2, 200),
      jobQueuePoolSize: integer(env, 'JOB_QUEUE_POOL_SIZE', 4, 2, 50),
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
      idleInTransactionTimeoutMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 3_600_000),
      runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    },
    shutdownTimeoutSeconds: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10, 2, 600),
    mail: {
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: env.MAIL_FROM || 'Referral Hub <referral-hub@localhost>',
      outboxDir: join(dataDir, 'mail'),
      // Unset: where this hub serves the web console itself, so a notice's links open its pages.
      baseUrl: (url(env, 'APP_BASE_URL', ['http:', 'https:']) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(
        /\/$/,
        '',
      ),
      // 5 s doubling (with jitter) 11 times: the first retry comes within seconds, the retries span some 3 to 6 hours.
      retryLimit: integer(env, 'MAIL_RETRY_LIMIT', 11, 0, 100),
      retryDelaySeconds: integer(env, 'MAIL_RETRY_DELAY_SECONDS', 5, 1, 3600),
      timeoutSeconds: integer(env, 'MAIL_TIMEOUT_SECONDS', 5, 1, 120),
    },
    jobs: {
      enabled: bool(env, 'JOBS_ENABLED', true),
      slaSweepCron: cron(env, 'SLA_SWEEP_CRON', '* * * * *'),
      digestCron: cron(env, 'DIGEST_CRON', '0 7 * * 1-5'),
      digestTimeZone: timeZone(env, 'DIGEST_TIME_ZONE', 'America/New_York'),
      pollingIntervalSeconds: integer(env, 'JOB_POLLING_SECONDS', 2, 1, 60),
    },
    graphql: {
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', environment !== 'production'),
      explorer: bool(env, 'GRAPHQL_EXPLORER', environment !== 'production'),
      explorerDirectory: resolve(env.EXPLORER_DIR || join('dist', 'explorer')),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2000, 200, 100_000),
      maxBodyBytes: integer(env, 'GRAPHQL_MAX_BODY_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
      trustProxy: bool(env, 'TRUST_PROXY', false),
    },
    exports: {
      maxConcurrent: integer(env, 'EXPORT_MAX_CONCURRENT', 2, 1, 100),
      idleTimeoutSeconds: integer(env, 'EXPORT_IDLE_TIMEOUT_SECONDS', 30, 1, 3600),
    },
    documents: {
      maxBytes: integer(env, 'DOCUMENT_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      maxConcurrentUploads: integer(env, 'DOCUMENT_MAX_CONCURRENT_UPLOADS', 4, 1, 100),
      clamd: clamd(env),
    },
    console: {
      directory: resolve(env.CONSOLE_DIR || join('dist', 'web')),
      oidc: consoleOidc(env, environment),
    },
    tecs: {
      investigationDueBusinessDays: integer(env, 'OI_DUE_BUSINESS_DAYS', 5, 1, 60),
      timeCriticalDays: integer(env, 'TECS_TIME_CRITICAL_DAYS', 7, 1, 60),
    },
    logging: {
      level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
      format: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, environment === 'development' ? 'pretty' : 'json'),
    },
    metrics: metrics(env, host, port),
    dataProtection: dataProtection(env, dataDir, environment),
    auth: {
      jwtSecret: jwtSecret(env, dataDir, environment),
      jwksUrl: url(env, 'JWT_JWKS_URL', ['https:', 'http:']),
      issuer: env.JWT_ISSUER || 'referral-hub',
      audience: env.JWT_AUDIENCE || 'referral-hub',
      scope: env.JWT_SCOPE || 'referral-hub',
      employeeClaim: oneOf(env, 'JWT_EMPLOYEE_CLAIM', ['sub', 'email'] as const, 'sub'),
      ...tokenLifetimes(env),
    },
  };
}
