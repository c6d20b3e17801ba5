import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { HeaderValue } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for tests: no TLS, no AUTH. Received messages are parsed with
 * mailparser. `mode` decides how the next transaction is answered, `failAt` at which command.
 */

export type SmtpPeerMode = 'accept' | 'tempfail' | 'reject' | 'hold';

export interface ReceivedMail {
  /** The To header as text. */
  to: string;
  /** RCPT TO addresses of the envelope. */
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  /** Parsed headers, lower-case names (mailparser folds X-Priority/Importance into `priority`). */
  headers: Map<string, HeaderValue>;
  /** The message as received, for asserting raw header lines. */
  raw: string;
  acceptedAt: Date;
}

export interface SmtpPeer {
  readonly port: number;
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  readonly messages: ReceivedMail[];
  /**
   * accept: 250; tempfail: 4xx (`tempfailCode`, try again later); reject: 550 (5xx, permanent);
   * hold: the end of DATA is never answered (a sender stuck mid-delivery, e.g. to be killed there).
   */
  mode: SmtpPeerMode;
  /** Which command a tempfail/reject answers: RCPT TO (default) or the end of DATA. */
  failAt: 'rcpt' | 'data';
  /** The reply code of 'tempfail': 451 (default, action aborted) or 421 (service not available). */
  tempfailCode: 421 | 451;
  /** Messages held in 'hold' mode so far, and the most whose connections were open at one time. */
  readonly held: { total: number; now: number; mostAtOnce: number };
  /** Resolves once `count` messages have been accepted; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening and drops open connections (clients then see connection refused). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

function addressText(value: unknown): string {
  if (Array.isArray(value)) return value.map(addressText).join(', ');
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return '';
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    stream.once('end', () => resolvePromise(Buffer.concat(chunks)));
  });
}

class LoopbackSmtpPeer implements SmtpPeer {
  readonly messages: ReceivedMail[] = [];
  mode: SmtpPeerMode = 'accept';
  failAt: 'rcpt' | 'data' = 'rcpt';
  tempfailCode: 421 | 451 = 451;
  port = 0;
  readonly held = { total: 0, now: 0, mostAtOnce: 0 };
  private readonly holding = new Set<string>();
  private server: SMTPServer | null = null;
  private waiters: { count: number; resolve: () => void }[] = [];

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private failure(): Error | null {
    if (this.mode === 'tempfail') return smtpError(this.tempfailCode, 'Try again later (test peer)');
    if (this.mode === 'reject') return smtpError(550, 'Mailbox unavailable (test peer)');
    return null;
  }

  private createServer(): SMTPServer {
    return new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      // stop() must not wait for pooled client connections to go idle.
      closeTimeout: 50,
      onClose: (session) => {
        if (this.holding.delete(session.id)) this.held.now -= 1;
      },
      onRcptTo: (_address, _session, callback) => {
        callback(this.failAt === 'rcpt' ? this.failure() : null);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        readAll(stream)
          .then(async (raw) => {
            if (this.mode === 'hold') return this.hold(session);
            const failure = this.failAt === 'data' ? this.failure() : null;
            if (failure) return callback(failure);
            const parsed = await simpleParser(raw);
            this.messages.push({
              to: addressText(parsed.to),
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              raw: raw.toString('utf8'),
              acceptedAt: new Date(),
            });
            callback(null);
            this.notify();
          })
          .catch((error: Error) => callback(smtpError(451, `Test peer could not read the message: ${error.message}`)));
      },
    });
  }

  private hold(session: SMTPServerSession): void {
    this.holding.add(session.id);
    this.held.total += 1;
    this.held.now += 1;
    this.held.mostAtOnce = Math.max(this.held.mostAtOnce, this.held.now);
  }

  private notify(): void {
    const ready = this.waiters.filter((waiter) => this.messages.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  async listen(port: number): Promise<void> {
    const server = this.createServer();
    await new Promise<void>((resolvePromise, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolvePromise();
      });
    });
    server.on('error', () => undefined); // client-side resets must not crash the test process
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  waitFor(count: number, timeoutMs = 5000): Promise<ReceivedMail[]> {
    if (this.messages.length >= count) return Promise.resolve(this.messages.slice());
    return new Promise((resolvePromise, reject) => {
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolvePromise(this.messages.slice());
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`SMTP peer: ${this.messages.length} of ${count} messages after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.listen(this.port);
  }
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const peer = new LoopbackSmtpPeer();
  await peer.listen(0);
  return peer;
}
