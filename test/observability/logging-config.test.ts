import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../../src/platform/config/config';
import { createLogger, messageLog } from '../../src/platform/observability/logger';
import { observeRequest } from '../../src/platform/observability/request-observation';

const BASE = { DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-logging-config-')), JWT_SECRET: 'a-test-secret-that-is-at-least-32-characters' };
const PRODUCTION = {
  ...BASE,
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://hub@db.example.gov/hub',
  DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  DATA_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
};

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('LOG_LEVEL and LOG_FORMAT', () => {
  it('default to info, human-readable in development and JSON elsewhere', () => {
    expect(loadConfig({ ...BASE, NODE_ENV: 'development' }).logging).toEqual({ level: 'info', format: 'pretty' });
    expect(loadConfig({ ...BASE, NODE_ENV: 'test' }).logging).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig(PRODUCTION).logging).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ ...BASE, NODE_ENV: 'development', LOG_FORMAT: 'json', LOG_LEVEL: 'debug' }).logging).toEqual({
      level: 'debug',
      format: 'json',
    });
  });

  it('refuse unknown values', () => {
    expect(() => loadConfig({ ...BASE, LOG_LEVEL: 'verbose' })).toThrow(
      new ConfigError('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'),
    );
    expect(() => loadConfig({ ...BASE, LOG_FORMAT: 'xml' })).toThrow(ConfigError);
  });
});

describe('METRICS_PORT, METRICS_HOST and METRICS_TOKEN', () => {
  it('leave metrics off unless a port is set, on the loopback interface by default', () => {
    expect(loadConfig(BASE).metrics).toEqual({ port: null, host: '127.0.0.1', token: null });
    expect(loadConfig({ ...BASE, METRICS_PORT: '0' }).metrics.port).toBeNull();
    expect(loadConfig({ ...BASE, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: null });
  });

  it('require a token of at least 16 characters off the loopback interface, and a port other than the API', () => {
    expect(() => loadConfig({ ...BASE, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN is required/);
    expect(loadConfig({ ...BASE, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'x'.repeat(16) }).metrics.host).toBe(
      '0.0.0.0',
    );
    expect(() => loadConfig({ ...BASE, METRICS_TOKEN: 'short' })).toThrow(/at least 16 characters/);
    expect(() => loadConfig({ ...BASE, PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ ...BASE, METRICS_PORT: '70000' })).toThrow(ConfigError);
  });
});

describe('the logger', () => {
  it('writes JSON lines with the level name, and the request id on every line written while serving a request', () => {
    const { stream, text } = capture();
    const logger = createLogger({ level: 'info', format: 'json' }, stream);
    logger.info('outside');
    observeRequest({ requestId: 'req-1', errorCodes: [] }, () => logger.warn('inside'));
    const [outside, inside] = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(outside).toMatchObject({ level: 'info', msg: 'outside' });
    expect(outside.requestId).toBeUndefined();
    expect(inside).toMatchObject({ level: 'warn', msg: 'inside', requestId: 'req-1' });
  });

  it('writes human-readable lines in the pretty format', () => {
    const { stream, text } = capture();
    createLogger({ level: 'info', format: 'pretty' }, stream).info('hub started');
    expect(text()).toMatch(/INFO.*hub started/);
    expect(() => JSON.parse(text())).toThrow();
  });

  it('censors authorization, token and TIN keys, and TIN-shaped numbers in messages, keeping ids', () => {
    const { stream, text } = capture();
    const logger = createLogger({ level: 'info', format: 'json' }, stream);
    logger.info({ headers: { authorization: 'Bearer abc.def.ghi' }, token: 'abc.def.ghi', lookout: { tin: '521473398' } }, 'probe');
    const id = '3f2b8c1e-0000-4000-8000-123456789012';
    messageLog(logger)(`notice ${id}: SSN 521-47-3398, ITIN 912 70 1234, EIN 47-1234567, digits 521473398, migration Core1700000000000`);
    const [probe, message] = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(probe).toMatchObject({ headers: { authorization: '[redacted]' }, token: '[redacted]', lookout: { tin: '[redacted]' } });
    expect(message.msg).toBe(`notice ${id}: SSN [number], ITIN [number], EIN [number], digits [number], migration Core1700000000000`);
  });
});
