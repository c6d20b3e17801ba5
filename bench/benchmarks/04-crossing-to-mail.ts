import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAccessToken } from '../../src/modules/auth/access-token';
import { loadConfig } from '../../src/platform/config/config';
import { startHub } from '../../src/app/hub';
import { createMailer } from '../../src/platform/notifications/mail/mailer';
import { Role } from '../../src/modules/org/role';
import { startSmtpPeer } from '../../test/support/smtp-peer';
import { Benchmark } from '../lib/benchmark';
import { summarise } from '../lib/stats';

const REPORTS_FULL = 200;
const REPORTS_QUICK = 50;

/**
 * `reportCrossing` returning → the coordinator's e-mail accepted by a real SMTP server on loopback
 * (smtp-server), for a stream of DHS reports. The hub sends the coordinator's notice right after the
 * transaction commits. Baseline: the same SMTP server accepting a message sent straight with nodemailer
 * (no database, no GraphQL): the floor of e-mail on this machine.
 */
export const benchmark: Benchmark = {
  title: 'Crossing to mail',
  async run(ctx) {
    const reports = ctx.options.quick ? REPORTS_QUICK : REPORTS_FULL;
    const smtp = await startSmtpPeer();
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-mail-'));
    // A second hub instance on the same database, mailing through the SMTP peer (workers off: only the
    // immediate delivery after commit can be measured here).
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: ctx.env.databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: 'bench-crossing-secret-that-is-long-enough',
      DATA_KEYS: [...ctx.env.config.dataProtection.keys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(','),
      DATA_KEY_ID: ctx.env.config.dataProtection.currentKeyId,
      DATA_HMAC_KEY: ctx.env.config.dataProtection.hmacKey.toString('base64'),
      SMTP_URL: smtp.url,
      JOBS_ENABLED: 'false',
    });
    const hub = await startHub({
      config,
      dataSource: ctx.env.dataSource,
      databaseUrl: ctx.env.databaseUrl,
      clock: ctx.env.clock,
      log: () => undefined,
    });
    const baselineMailer = createMailer({ smtpUrl: smtp.url, from: config.mail.from, outboxDir: dataDir, log: () => undefined });
    try {
      const functionId = ctx.org.functions[0].id;
      const coordinator = await hub.services.org.createEmployee({
        email: 'bench.coordinator@example.gov',
        name: 'Bench Coordinator',
        functionId,
        roles: [Role.TECS_COORDINATOR],
      });
      const dhs = await hub.services.org.createEmployee({
        email: 'bench.dhs@example.gov',
        name: 'Bench DHS',
        functionId,
        roles: [Role.DHS_INTERFACE],
      });
      const token = `Bearer ${await issueAccessToken(config.auth, dhs.id, ctx.env.clock.now())}`;
      const mutation = `mutation($input: CrossingReportInput!) { reportCrossing(input: $input) { referenceNumber } }`;
      const waitForMail = async (reference: string): Promise<Date> => {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const mail = smtp.messages.find((m) => m.subject.includes(reference) && m.envelopeTo.includes(coordinator.email));
          if (mail) return mail.acceptedAt;
          if (Date.now() > deadline) throw new Error(`no coordinator e-mail for ${reference}`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      };

      const hubLatencies: number[] = [];
      for (let i = 0; i < reports + 5; i++) {
        const response = await fetch(hub.server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: token },
          body: JSON.stringify({
            query: mutation,
            variables: {
              input: {
                dhsReportId: `BENCH-${Date.now()}-${i}`,
                taxpayerName: `Traveller ${i}`,
                dateOfBirth: '1975-05-05',
                placeOfCrossing: 'Detroit, MI',
                crossedAt: ctx.env.clock.now().toISOString(),
                direction: 'INBOUND',
                documentNumber: `P${100000 + i}`,
              },
            },
          }),
        });
        const returned = Date.now();
        const body = (await response.json()) as { data?: { reportCrossing: { referenceNumber: string } }; errors?: unknown };
        if (!body.data) throw new Error(`reportCrossing failed: ${JSON.stringify(body.errors)}`);
        const acceptedAt = await waitForMail(body.data.reportCrossing.referenceNumber);
        if (i >= 5) hubLatencies.push(acceptedAt.getTime() - returned); // the first five warm up connections
      }

      const baseLatencies: number[] = [];
      for (let i = 0; i < reports + 5; i++) {
        const subject = `[Baseline] message ${i}`;
        const sent = Date.now();
        await baselineMailer.send({ to: coordinator.email, subject, text: 'baseline', html: '<p>baseline</p>', priority: 'high' });
        const mail = smtp.messages.find((m) => m.subject === subject)!;
        if (i >= 5) baseLatencies.push(mail.acceptedAt.getTime() - sent);
      }

      const hubSummary = summarise(hubLatencies);
      const baseSummary = summarise(baseLatencies);
      ctx.figure({
        name: 'reportCrossing returned → coordinator e-mail accepted, p50',
        value: hubSummary.p50,
        unit: 'ms',
        better: 'lower',
        baseline: baseSummary.p50,
        baselineLabel: 'nodemailer → same SMTP server, p50',
      });
      ctx.figure({
        name: 'reportCrossing returned → coordinator e-mail accepted, p99',
        value: hubSummary.p99,
        unit: 'ms',
        better: 'lower',
        baseline: baseSummary.p99,
        baselineLabel: 'nodemailer → same SMTP server, p99',
      });
      ctx.note(
        `${reports} DHS reports, one at a time, each timed from the HTTP response of \`reportCrossing\` to the moment the SMTP server ` +
          `(smtp-server on loopback) accepted the coordinator's message; the notice is delivered right after the transaction commits ` +
          `(delivery workers were off, so no polling is involved). The baseline sends a message of the same kind straight with nodemailer.`,
      );
    } finally {
      baselineMailer.close();
      await hub.stop();
      await smtp.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
