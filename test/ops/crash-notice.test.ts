import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUES } from '../../src/platform/notifications/job-queue';
import { startTestHub, TestHub } from '../support/hub';
import { graphqlAt, HubProcess, killGroup, SHARED_KEYS, startServingHub } from '../support/hub-process';
import { SmtpPeer, startSmtpPeer } from '../support/smtp-peer';
import { CLEVELAND_REQUEST, createTecsOrganisation, TecsPeople } from '../support/tecs-fixture';
import { putOnLookout, tecsMutation } from '../support/tecs-operations';
import { eventually } from '../support/wait';

/**
 * Defect: a worker killed mid-delivery left its job `active` until pg-boss's default 15-minute expiry,
 * so an urgent crossing notice reached the coordinator some 1,100 s after the restart.
 */
jest.setTimeout(180_000);

const RESTART_BOUND_MS = 60_000;

let setup: TestHub;
let people: TecsPeople;
let peer: SmtpPeer;
let dataDir: string;
const hubs: HubProcess[] = [];

beforeAll(async () => {
  peer = await startSmtpPeer();
  setup = await startTestHub({ now: new Date().toISOString(), env: SHARED_KEYS });
  people = await createTecsOrganisation(setup.services);
  await putOnLookout(setup, people, people.clevelandRo.id, people.clevelandGm.id, CLEVELAND_REQUEST);
  dataDir = mkdtempSync(join(tmpdir(), 'hub-crash-notice-'));
});

afterAll(async () => {
  for (const hub of hubs) killGroup(hub);
  await setup?.stop();
  await peer?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function coordinatorNotice(): Promise<
  { id: string; attempts: number; last_error: string | null; job_state: string | null } | undefined
> {
  const [row] = await setup.database.dataSource.query(
    `SELECT n.id, n.attempts, n.last_error,
            (SELECT j.state FROM pgboss.job j WHERE j.name = 'notification-deliver' AND j.data->>'notificationId' = n.id::text
              ORDER BY j.created_on DESC LIMIT 1) AS job_state
       FROM notification n WHERE n.kind = 'CROSSING_REPORTED' AND n.recipient_id = $1`,
    [people.coordinator.id],
  );
  return row;
}

it('a crossing reported right before a SIGKILL reaches the coordinator within 60 s of the restart', async () => {
  const env = {
    ...SHARED_KEYS,
    DATABASE_URL: setup.database.url,
    DATA_DIR: dataDir,
    SMTP_URL: peer.url,
    JOBS_ENABLED: 'true',
    APP_BASE_URL: 'https://hub.example.gov',
  };
  // The relay stops answering: the express delivery times out, then a worker's attempt hangs mid-DATA.
  peer.mode = 'hold';
  const first = await startServingHub(env);
  hubs.push(first);
  const reported = await graphqlAt(first.baseUrl, await setup.tokenFor(people.dhsClient.id), tecsMutation('reportCrossing'), {
    input: {
      dhsReportId: 'DHS-CRASH-1',
      taxpayerName: CLEVELAND_REQUEST.taxpayerName,
      dateOfBirth: CLEVELAND_REQUEST.dateOfBirth,
      placeOfCrossing: 'Detroit, MI',
      crossedAt: new Date(Date.now() - 3600_000).toISOString(),
      direction: 'INBOUND',
      documentNumber: 'P123456789',
    },
  });
  expect(reported.errors).toBeUndefined();
  await eventually(
    async () => {
      const notice = await coordinatorNotice();
      return notice && notice.attempts >= 1 && notice.last_error !== null && notice.job_state === 'active';
    },
    60_000,
    "the express attempt to fail and a worker's attempt to be under way",
  );

  process.kill(first.pid, 'SIGKILL');
  await first.exited();
  peer.mode = 'accept';

  const restartedAt = Date.now();
  hubs.push(await startServingHub(env));
  const mail = await eventually(
    async () => peer.messages.find((message) => message.envelopeTo.includes(people.coordinator.email) && /crossing/i.test(message.subject)),
    RESTART_BOUND_MS,
    "the coordinator's crossing notice",
  );
  const afterRestartMs = mail.acceptedAt.getTime() - restartedAt;
  expect(afterRestartMs).toBeLessThan(RESTART_BOUND_MS);
  const [{ status }] = await setup.database.dataSource.query('SELECT status FROM notification WHERE id = $1', [
    (await coordinatorNotice())!.id,
  ]);
  expect(status).toBe('SENT');
});

it('every queue has an expiry of its own instead of the default 15 minutes', async () => {
  const queues: { name: string; expire_seconds: number }[] = await setup.database.dataSource.query(
    "SELECT name, expire_seconds FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name",
  );
  expect(queues).toEqual([
    { name: 'notification-dead', expire_seconds: null },
    { name: 'notification-deliver', expire_seconds: 20 },
    { name: 'notification-digest', expire_seconds: 300 },
    { name: 'sla-sweep', expire_seconds: 120 },
  ]);
});

it('sweeps and digests wait one at a time behind a running (or stranded) one instead of piling up', async () => {
  for (const queue of [QUEUES.slaSweep, QUEUES.digest]) {
    for (let tick = 0; tick < 5; tick++) await setup.hub.jobs.boss.send(queue, {});
    const [{ queued }] = await setup.database.dataSource.query(
      "SELECT count(*)::int AS queued FROM pgboss.job WHERE name = $1 AND state = 'created'",
      [queue],
    );
    expect(queued).toBe(1);
  }
});
