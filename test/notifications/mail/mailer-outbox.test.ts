import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer, MailDeliveryError } from '../../../src/platform/notifications/mail/mailer';
import { fullModel, renderNotice } from './notice-fixtures';

const FROM = 'Referral Hub <no-reply@hub.example.gov>';

describe('file outbox mailer (no SMTP configured)', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hub-outbox-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes each message as a parseable .eml file and returns its path', async () => {
    const outboxDir = join(root, 'nested', 'outbox'); // created on demand
    const logged: string[] = [];
    const mailer = createMailer({ smtpUrl: null, from: FROM, outboxDir, log: (m) => logged.push(m) });
    const notice = renderNotice('SLA_BREACH', fullModel());

    const result = await mailer.send({
      to: 'robin.liaison@irs.example.gov',
      ...notice,
      priority: 'high',
      headers: { 'X-Referral-Hub-Notice': 'SLA_BREACH' },
    });
    mailer.close();

    expect(result.location).toBeDefined();
    const location = result.location!;
    expect(dirname(location)).toBe(outboxDir);
    expect(basename(location)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[A-Za-z0-9._@-]+\.eml$/);
    expect(basename(location)).toContain(result.messageId.replace(/^<|>$/g, ''));
    expect(readdirSync(outboxDir)).toEqual([basename(location)]);
    expect(logged).toEqual([expect.stringContaining(location)]);

    const raw = readFileSync(location);
    expect(raw.toString('utf8')).toMatch(/\r\n\r\n/); // RFC 822 line ends
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(notice.subject);
    expect(parsed.subject).toBe('[Referral Hub] 14566-2026-000042 acknowledgment overdue — was due Mon 30 Nov');
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : null).toBe('robin.liaison@irs.example.gov');
    expect(parsed.from?.value).toEqual([{ name: 'Referral Hub', address: 'no-reply@hub.example.gov' }]);
    expect(parsed.text?.trim()).toBe(notice.text.trim());
    expect(parsed.html).toBe(notice.html);
    expect(parsed.headers.get('priority')).toBe('high');
    expect(parsed.headers.get('x-referral-hub-notice')).toBe('SLA_BREACH');
  });

  it('keeps every message in its own file', async () => {
    const mailer = createMailer({ smtpUrl: null, from: FROM, outboxDir: root, log: () => undefined });
    const notice = renderNotice('REFERRAL_CLOSED', fullModel());
    const first = await mailer.send({ to: 'a@irs.example.gov', ...notice });
    const second = await mailer.send({ to: 'b@irs.example.gov', ...notice });
    expect(first.messageId).not.toBe(second.messageId);
    expect(first.location).not.toBe(second.location);
    expect(readdirSync(root).sort()).toEqual([basename(first.location!), basename(second.location!)].sort());
    const parsed = await simpleParser(readFileSync(second.location!));
    expect(parsed.headers.get('priority')).not.toBe('high');
  });

  it('an outbox that cannot be written is a temporary MailDeliveryError', async () => {
    const blocker = join(root, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const mailer = createMailer({ smtpUrl: null, from: FROM, outboxDir: blocker, log: () => undefined });
    const notice = renderNotice('REFERRAL_CLOSED', fullModel());
    let thrown: unknown;
    try {
      await mailer.send({ to: 'a@irs.example.gov', ...notice });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MailDeliveryError);
    expect((thrown as MailDeliveryError).permanent).toBe(false);
    expect(existsSync(join(blocker, 'x'))).toBe(false);
  });
});
