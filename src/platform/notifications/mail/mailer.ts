import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { NodemailerError, SendMailOptions, Transporter } from 'nodemailer';

/**
 * Delivers rendered notices. Two modes:
 *  - `smtpUrl` set (`smtp://host:port`, `smtps://user:pass@host:465`): a pooled nodemailer SMTP
 *    transport with short timeouts, so a dead server fails fast and the caller can retry later;
 *  - `smtpUrl` null (zero set-up default): each message is written as an RFC 822 `.eml` file under
 *    `outboxDir`, openable in any mail client.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** 'high' adds X-Priority: 1 / X-MSMail-Priority: High / Importance: High. */
  priority?: 'high' | 'normal';
  headers?: Record<string, string>;
}

export interface MailSendResult {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  /** File outbox mode: the path of the written .eml file. */
  location?: string;
}

export interface Mailer {
  /** Rejects with `MailDeliveryError` only. */
  send(message: MailMessage): Promise<MailSendResult>;
  /** Closes pooled SMTP connections; later sends reject (temporary). */
  close(): void;
}

export interface MailerOptions {
  /** null → file outbox. */
  smtpUrl: string | null;
  /** From header, e.g. 'Referral Hub <no-reply@hub.example.gov>'. */
  from: string;
  outboxDir: string;
  log: (message: string) => void;
  /** Connection, greeting and socket-inactivity timeout in ms (default 10 s). */
  timeoutMs?: number;
  /** Pooled SMTP connections (default 2): as many as messages are sent at once. */
  maxConnections?: number;
}

export class MailDeliveryError extends Error {
  /**
   * true: the server refused this message for good (5xx reply other than 503, or an envelope that
   * can never be delivered): retrying the same message is pointless.
   * false: temporary (4xx reply, connection refused or dropped, timeout, TLS/auth/configuration
   * trouble on our side, outbox not writable): retry later.
   */
  readonly permanent: boolean;
  /** nodemailer/Node error code, e.g. EENVELOPE, EMESSAGE, ESOCKET, ETIMEDOUT, EAUTH. */
  readonly code: string | undefined;
  /** SMTP reply code when the server answered, e.g. 550, 451. */
  readonly responseCode: number | undefined;

  constructor(message: string, details: { permanent: boolean; code?: string; responseCode?: number; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.name = 'MailDeliveryError';
    this.permanent = details.permanent;
    this.code = details.code;
    this.responseCode = details.responseCode;
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Permanent only when the message itself is refused. An authentication failure (535) is a 5xx
 * reply too, but it is a deployment problem that every message would hit: it stays temporary so
 * notices are retried once the credentials are fixed, instead of being dropped.
 */
export function isPermanentFailure(error: unknown): boolean {
  const err = error as NodemailerError;
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') return false;
  if (typeof err.responseCode === 'number') {
    return err.responseCode >= 500 && err.responseCode < 600 && err.responseCode !== 503;
  }
  // No SMTP reply: an envelope nodemailer itself finds undeliverable (no/invalid recipient) is permanent;
  // connection refused, timeouts, TLS and socket errors are temporary.
  return err.code === 'EENVELOPE';
}

function deliveryError(error: unknown, to: string): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const err = error as NodemailerError;
  const permanent = isPermanentFailure(err);
  const reason = err instanceof Error ? err.message : String(error);
  return new MailDeliveryError(`Mail to ${to} failed (${permanent ? 'permanent' : 'temporary'}): ${reason}`, {
    permanent,
    code: typeof err.code === 'string' ? err.code : undefined,
    responseCode: typeof err.responseCode === 'number' ? err.responseCode : undefined,
    cause: error,
  });
}

function validateSmtpUrl(smtpUrl: string): void {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // Never echo the URL: it may carry a password.
    throw new Error('SMTP URL is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('SMTP URL must start with smtp:// or smtps://');
  }
}

function mailOptions(from: string, message: MailMessage): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    priority: message.priority === 'high' ? 'high' : 'normal',
    headers: {
      // RFC 3834: keeps out-of-office replies and auto-forwarders away from the hub's notices.
      'Auto-Submitted': 'auto-generated',
      ...message.headers,
    },
  };
}

/** '<a1b2@hub.example.gov>' → 'a1b2@hub.example.gov', safe as part of a file name. */
function fileSafe(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_');
}

function createSmtpMailer(options: MailerOptions & { smtpUrl: string }): Mailer {
  validateSmtpUrl(options.smtpUrl);
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport: Transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  // An 'error' event without a listener would crash the process.
  transport.on('error', (error: Error) => options.log(`SMTP transport error: ${error.message}`));
  let closed = false;
  return {
    async send(message) {
      if (closed) throw new MailDeliveryError('Mailer is closed', { permanent: false });
      try {
        const info = await transport.sendMail(mailOptions(options.from, message));
        return { messageId: String(info.messageId) };
      } catch (error) {
        throw deliveryError(error, message.to);
      }
    },
    close() {
      closed = true;
      transport.close();
    },
  };
}

function createFileMailer(options: MailerOptions): Mailer {
  const outboxDir = resolve(options.outboxDir);
  // buffer: true → info.message is the whole RFC 822 message; CRLF line ends as on the wire.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let closed = false;
  return {
    async send(message) {
      if (closed) throw new MailDeliveryError('Mailer is closed', { permanent: false });
      let info: { messageId: string; message: unknown };
      try {
        info = await transport.sendMail(mailOptions(options.from, message));
      } catch (error) {
        throw deliveryError(error, message.to);
      }
      const timestamp = new Date().toISOString().replace(/[:.]/g, '-');
      const location = join(outboxDir, `${timestamp}-${fileSafe(info.messageId)}.eml`);
      try {
        await mkdir(outboxDir, { recursive: true });
        await writeFile(location, info.message as Buffer, { flag: 'wx' });
      } catch (error) {
        throw new MailDeliveryError(`Mail to ${message.to} could not be written to the outbox: ${(error as Error).message}`, {
          permanent: false,
          code: (error as NodeJS.ErrnoException).code,
          cause: error,
        });
      }
      // The recipient's address names an employee: the log names the message only.
      options.log(`mail ${info.messageId} written to ${location}`);
      return { messageId: info.messageId, location };
    },
    close() {
      closed = true;
      transport.close();
    },
  };
}

export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? createSmtpMailer({ ...options, smtpUrl: options.smtpUrl }) : createFileMailer(options);
}
