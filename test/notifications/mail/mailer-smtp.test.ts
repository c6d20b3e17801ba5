import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  createMailer,
  isPermanentFailure,
  MailDeliveryError,
  type Mailer,
  type MailMessage,
} from '../../../src/platform/notifications/mail/mailer';
import { startSmtpPeer, type SmtpPeer } from '../../support/smtp-peer';
import { fullModel, renderNotice } from './notice-fixtures';

const FROM = 'Referral Hub <no-reply@hub.example.gov>';

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  const notice = renderNotice('REFERRAL_FORWARDED', fullModel());
  return { to: 'robin.liaison@irs.example.gov', ...notice, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<MailDeliveryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailDeliveryError);
    return error as MailDeliveryError;
  }
  throw new Error('expected the send to fail');
}

describe('SMTP mailer against a loopback SMTP server', () => {
  let peer: SmtpPeer;
  let mailer: Mailer;
  const logged: string[] = [];

  beforeAll(async () => {
    peer = await startSmtpPeer();
  });

  beforeEach(() => {
    peer.mode = 'accept';
    peer.failAt = 'rcpt';
    peer.tempfailCode = 451;
    peer.messages.length = 0;
    logged.length = 0;
    mailer = createMailer({ smtpUrl: peer.url, from: FROM, outboxDir: '/nonexistent', log: (m) => logged.push(m), timeoutMs: 2000 });
  });

  afterEach(() => mailer.close());
  afterAll(() => peer.stop());

  it('delivers a high-priority notice with its subject, bodies and headers', async () => {
    const sent = message({ priority: 'high', headers: { 'X-Referral-Hub-Notice': 'REFERRAL_FORWARDED' } });
    const result = await mailer.send(sent);
    const [received] = await peer.waitFor(1, 5000);

    expect(received!.subject).toBe(sent.subject);
    expect(received!.subject).toBe('[Referral Hub] 14566-2026-000042 forwarded to your function — acknowledge by Mon 30 Nov');
    expect(received!.envelopeTo).toEqual(['robin.liaison@irs.example.gov']);
    expect(received!.to).toBe('robin.liaison@irs.example.gov');
    expect(received!.text.trim()).toBe(sent.text.trim());
    expect(received!.html).toContain('<strong>14566-2026-000042</strong>');
    expect(received!.headers.get('priority')).toBe('high');
    expect(received!.raw).toMatch(/^X-Priority: 1\b/m);
    expect(received!.raw).toMatch(/^Importance: High\r?$/im);
    expect(received!.headers.get('x-referral-hub-notice')).toBe('REFERRAL_FORWARDED');
    expect(received!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(received!.headers.get('message-id')).toBe(result.messageId);
    expect(result.messageId).toMatch(/^<.+@hub\.example\.gov>$/);
    expect(result.location).toBeUndefined();
    expect(received!.acceptedAt).toBeInstanceOf(Date);
  });

  it('sends normal priority without priority headers', async () => {
    await mailer.send(message({ priority: 'normal' }));
    await mailer.send(message());
    const received = await peer.waitFor(2, 5000);
    for (const mail of received) {
      expect(mail.raw).not.toMatch(/^X-Priority:/im);
      expect(mail.raw).not.toMatch(/^Importance:/im);
      expect(mail.headers.get('priority')).not.toBe('high');
    }
  });

  it.each(['rcpt', 'data'] as const)('a 550 at %s is a permanent MailDeliveryError', async (failAt) => {
    peer.mode = 'reject';
    peer.failAt = failAt;
    const error = await failure(mailer.send(message()));
    expect(error.permanent).toBe(true);
    expect(error.responseCode).toBe(550);
    expect(error.message).toMatch(/permanent/);
    expect(peer.messages).toHaveLength(0);

    // the pooled connection stays usable for the next message
    peer.mode = 'accept';
    await mailer.send(message());
    await peer.waitFor(1, 5000);
  });

  it.each(['rcpt', 'data'] as const)('a 451 at %s is a temporary MailDeliveryError', async (failAt) => {
    peer.mode = 'tempfail';
    peer.failAt = failAt;
    const error = await failure(mailer.send(message()));
    expect(error.permanent).toBe(false);
    expect(error.responseCode).toBe(451);
    expect(error.message).toMatch(/temporary/);
    expect(peer.messages).toHaveLength(0);
  });

  it.each(['rcpt', 'data'] as const)('a 421 at %s on a reused pooled connection is temporary, and the pool recovers', async (failAt) => {
    await mailer.send(message()); // the pool now holds a used connection
    await peer.waitFor(1, 5000);
    peer.mode = 'tempfail';
    peer.tempfailCode = 421;
    peer.failAt = failAt;
    const started = Date.now();
    const error = await failure(mailer.send(message()));
    expect(error.permanent).toBe(false);
    expect(error.responseCode).toBe(421);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(peer.messages).toHaveLength(1);

    peer.mode = 'accept';
    await mailer.send(message({ subject: 'after 421' }));
    expect((await peer.waitFor(2, 5000))[1]!.subject).toBe('after 421');
  });

  it('a stopped server is a temporary failure, and delivery resumes once it is back', async () => {
    await mailer.send(message()); // opens a pooled connection the stop must cut
    await peer.waitFor(1, 5000);
    await peer.stop();
    try {
      const started = Date.now();
      const error = await failure(mailer.send(message()));
      expect(error.permanent).toBe(false);
      expect(error.responseCode).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await peer.restart();
    }
    await mailer.send(message({ subject: 'after restart' }));
    const received = await peer.waitFor(2, 5000);
    expect(received[1]!.subject).toBe('after restart');
  });

  it('a server that never greets times out as a temporary failure', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const slow = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
      outboxDir: '/nonexistent',
      log: () => undefined,
      timeoutMs: 300,
    });
    try {
      const started = Date.now();
      const error = await failure(slow.send(message()));
      expect(error.permanent).toBe(false);
      expect(error.code).toBe('ETIMEDOUT');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      slow.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('rejects sends after close', async () => {
    mailer.close();
    const error = await failure(mailer.send(message()));
    expect(error.permanent).toBe(false);
    expect(peer.messages).toHaveLength(0);
  });
});

describe('SMTP mailer configuration and error classification', () => {
  it('accepts smtp:// and smtps:// only, without echoing the password', () => {
    for (const smtpUrl of ['http://user:s3cret@mail.example.gov', 'not a url s3cret']) {
      let thrown: unknown;
      try {
        createMailer({ smtpUrl, from: FROM, outboxDir: '/tmp', log: () => undefined });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).not.toContain('s3cret');
    }
    const secure = createMailer({ smtpUrl: 'smtps://user:pass@mail.example.gov:465', from: FROM, outboxDir: '/tmp', log: () => undefined });
    secure.close();
  });

  it('tells permanent from temporary failures', () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{ code: 'EENVELOPE', responseCode: 550 }, true],
      [{ code: 'EMESSAGE', responseCode: 554 }, true],
      [{ code: 'EENVELOPE' }, true], // no valid recipient at all
      [{ code: 'EENVELOPE', responseCode: 451 }, false],
      [{ code: 'EMESSAGE', responseCode: 421 }, false],
      [{ code: 'EPROTOCOL', responseCode: 503 }, false], // bad sequence: fine on a new connection
      [{ code: 'EAUTH', responseCode: 535 }, false], // our credentials, not the message
      [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, false],
      [{ code: 'ETIMEDOUT' }, false],
      [{ code: 'ECONNECTION' }, false],
    ];
    for (const [error, permanent] of cases) {
      expect({ error, permanent: isPermanentFailure(Object.assign(new Error('x'), error)) }).toEqual({ error, permanent });
    }
  });
});
