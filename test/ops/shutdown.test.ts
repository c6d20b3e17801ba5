import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestHub, TestHub } from '../support/hub';
import { HubProcess, killGroup, SHARED_KEYS, startServingHub } from '../support/hub-process';
import { eventually } from '../support/wait';

/** Defect: SIGTERM/SIGINT did not stop in order, and a production instance hung for over 40 s. */
jest.setTimeout(120_000);

let setup: TestHub;
let employeeEmail: string;
let token: string;
let dataDir: string;
const hubs: HubProcess[] = [];

beforeAll(async () => {
  setup = await startTestHub({ now: new Date().toISOString(), env: SHARED_KEYS });
  const unit = await setup.services.org.createFunction({ code: 'AM', name: 'Accounts Management', timeZone: 'America/New_York' });
  const employee = await setup.services.org.createEmployee({
    email: 'shutdown.liaison@example.gov',
    name: 'Shutdown Liaison',
    functionId: unit.id,
    managerId: null,
    roles: [],
    phone: '2025550100',
  });
  employeeEmail = employee.email;
  token = await setup.tokenFor(employee.id);
  dataDir = mkdtempSync(join(tmpdir(), 'hub-shutdown-'));
});

afterAll(async () => {
  for (const hub of hubs) killGroup(hub);
  await setup?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(extra: Record<string, string> = {}) {
  const hub = await startServingHub({
    ...SHARED_KEYS,
    DATABASE_URL: setup.database.url,
    DATA_DIR: dataDir,
    JOBS_ENABLED: 'true',
    ...extra,
  });
  hubs.push(hub);
  return hub;
}

/** A request whose body is only half sent: in flight until `finish()` sends the rest. */
async function requestInFlight(baseUrl: string) {
  const { hostname, port } = new URL(baseUrl);
  const body = JSON.stringify({ query: '{ me { email } }' });
  const socket: Socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    async finish(): Promise<string> {
      socket.write(body.slice(10));
      await closed;
      return Buffer.concat(chunks).toString('utf8');
    },
    abandon: () => socket.destroy(),
  };
}

function refusesConnections(baseUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const probe = connect(Number(port), hostname);
    probe.once('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

const linesAfter = (hub: HubProcess, start: RegExp): string[] => {
  const texts = hub.lines.map((line) => line.text);
  return texts.slice(texts.findIndex((text) => start.test(text)));
};

it('SIGTERM: refuses new connections, answers the request in flight, stops the rest and exits 0', async () => {
  const hub = await serve();
  const inFlight = await requestInFlight(hub.baseUrl);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const signalledAt = Date.now();
  process.kill(hub.pid, 'SIGTERM');
  await hub.waitForLine(/SIGTERM: stopping/);
  await eventually(() => refusesConnections(hub.baseUrl), 5000, 'new connections to be refused');
  expect(hub.child.exitCode).toBeNull();

  const response = await inFlight.finish();
  expect(response).toMatch(/^HTTP\/1\.1 200 /);
  expect(response).toContain(`{"data":{"me":{"email":"${employeeEmail}"}}}`);
  const { code, at } = await hub.exited(15_000);
  expect(code).toBe(0);
  expect(at - signalledAt).toBeLessThan(10_000);
  // The request in flight is answered (and logged) during the drain; nothing else is said until the end.
  expect(linesAfter(hub, /SIGTERM: stopping/)).toEqual([expect.stringMatching(/SIGTERM: stopping/), 'request completed', 'stopped']);
});

it('a request that never finishes holds the stop up only until the deadline share for draining', async () => {
  const hub = await serve({ SHUTDOWN_TIMEOUT_SECONDS: '2' });
  const stuck = await requestInFlight(hub.baseUrl);
  const signalledAt = Date.now();
  hub.signalGroup('SIGINT');
  const { code, at } = await hub.exited(15_000);
  stuck.abandon();
  expect(code).toBe(0);
  expect(at - signalledAt).toBeLessThan(2000 + 1500);
  // Whether the request cut off at the drain deadline gets its own log line races the exit; nothing else may be said.
  const said = linesAfter(hub, /SIGINT: stopping/).filter((text) => text !== 'request completed');
  expect(said).toEqual([expect.stringMatching(/SIGINT: stopping/), 'stopped']);
});
