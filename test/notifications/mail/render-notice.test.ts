import fs from 'node:fs';
import { join } from 'node:path';
import { NoticeTemplates, type NoticeKind, type RenderedNotice } from '../../../src/platform/notifications/mail/render-notice';
import { NOTICE_KINDS, NOTICE_TEMPLATE_SETS } from '../../../src/app/notice-kinds';
import { PLATFORM_NOTICE_TEMPLATES } from '../../../src/platform/notifications/mail/render-notice';
import { ARTIFACTS, fullModel, minimalModel, renderNotice, templateFiles } from './notice-fixtures';

const REFERRAL_KINDS = NOTICE_KINDS.filter((kind) => kind.startsWith('REFERRAL_'));
const KINDS_SHOWING_DUE: NoticeKind[] = [
  'REFERRAL_FILED',
  'REFERRAL_FORWARDED',
  'REFERRAL_ACKNOWLEDGED',
  'REFERRAL_ASSIGNED',
  'SLA_REMINDER',
  'SLA_BREACH',
  'SLA_ESCALATION',
];

function expectNoArtifacts(notice: RenderedNotice): void {
  for (const part of ['subject', 'text', 'html'] as const) {
    for (const artifact of ARTIFACTS) {
      expect({ part, found: notice[part].includes(artifact) ? artifact : null }).toEqual({ part, found: null });
    }
  }
}

describe('notice templates on disk', () => {
  it('has a subject, text and html template for every kind, in the folder of the set that declares it', () => {
    for (const { folder, kinds } of NOTICE_TEMPLATE_SETS) {
      for (const kind of kinds) {
        for (const part of ['subject', 'text', 'html']) {
          expect(fs.existsSync(join(folder, `${kind}.${part}.hbs`))).toBe(true);
        }
      }
    }
    expect(NOTICE_KINDS).toHaveLength(36);
    expect(new Set(NOTICE_KINDS).size).toBe(NOTICE_KINDS.length);
  });

  it("holds nothing but each set's kind templates and, in the platform's folder, the shared partials", () => {
    for (const { folder, kinds } of NOTICE_TEMPLATE_SETS) {
      const unexpected = fs
        .readdirSync(folder)
        .filter(
          (file) =>
            !(folder === PLATFORM_NOTICE_TEMPLATES.folder && /^_[A-Za-z0-9-]+\.(text|html)\.hbs$/.test(file)) &&
            !kinds.some((kind) => new RegExp(`^${kind}\\.(subject|text|html)\\.hbs$`).test(file)),
        );
      expect({ folder, unexpected }).toEqual({ folder, unexpected: [] });
      // every HTML body goes through the shared layout
      for (const kind of kinds) {
        expect(fs.readFileSync(join(folder, `${kind}.html.hbs`), 'utf8')).toMatch(/^\{\{#> layout\}\}/);
      }
    }
    expect(fs.readdirSync(PLATFORM_NOTICE_TEMPLATES.folder)).toContain('_layout.html.hbs');
  });
});

describe('renderNotice', () => {
  it.each(NOTICE_KINDS)('%s renders a complete model without template artifacts', (kind) => {
    const model = fullModel();
    const notice = renderNotice(kind, model);
    expectNoArtifacts(notice);
    expect(notice.subject.startsWith('[Referral Hub] ')).toBe(true);
    expect(notice.subject).not.toMatch(/[\r\n]/);
    expect(notice.subject.length).toBeLessThanOrEqual(100);
    for (const part of [notice.text, notice.html]) {
      expect(part).toContain(model.recipientName);
      expect(part).toContain(model.link);
    }
    expect(notice.html).toContain(`href="${model.link}"`);
    expect(notice.html).toMatch(/^<!DOCTYPE html>/);
    expect(notice.text.endsWith('\n')).toBe(true);
    expect(notice.text).not.toMatch(/\n{3,}/);
    if (kind !== 'DAILY_DIGEST') {
      for (const part of [notice.subject, notice.text, notice.html]) expect(part).toContain(model.referenceNumber);
      for (const part of [notice.text, notice.html]) {
        expect(part).toContain(model.formName);
        expect(part).toContain(model.state);
      }
    }
    if (KINDS_SHOWING_DUE.includes(kind)) {
      expect(notice.text).toContain(model.dueAt);
      expect(notice.html).toContain(model.dueAt);
    }
    if ((REFERRAL_KINDS as string[]).includes(kind)) {
      expect(notice.text).toContain(model.actorName);
      expect(notice.html).toContain(model.actorName);
    }
  });

  it.each(NOTICE_KINDS)('%s renders a minimal model without dangling words', (kind) => {
    const notice = renderNotice(kind, minimalModel(kind));
    expectNoArtifacts(notice);
    expect(notice.subject).not.toMatch(/ {2}|[—(,]\s*$| \)|\(\)/);
    for (const part of [notice.subject, notice.text, notice.html]) {
      expect(part).not.toMatch(/ by [.,:)]| by$|\(\)| \.| ,|level \)|level \./m);
    }
    expect(notice.text).not.toMatch(/\n{3,}/);
  });

  it('writes short subjects with the due day only', () => {
    expect(renderNotice('REFERRAL_FORWARDED', fullModel()).subject).toBe(
      '[Referral Hub] 14566-2026-000042 forwarded to your function — acknowledge by Mon 30 Nov',
    );
    expect(renderNotice('REFERRAL_FORWARDED', minimalModel('REFERRAL_FORWARDED')).subject).toBe(
      '[Referral Hub] 14566-2026-000042 forwarded to your function',
    );
    expect(renderNotice('SLA_REMINDER', fullModel()).subject).toBe('[Referral Hub] 14566-2026-000042 acknowledgment due Mon 30 Nov');
    expect(renderNotice('SLA_ESCALATION', fullModel({ escalationLevel: 3 })).subject).toBe(
      '[Referral Hub] 14566-2026-000042 acknowledgment overdue — escalated to you (level 3)',
    );
    // the body keeps the full instant
    expect(renderNotice('SLA_REMINDER', fullModel()).text).toContain('is due by Mon 30 Nov 2026, 11:59 PM CST.');
  });

  it('lists every digest item, and says so when there is none', () => {
    const model = fullModel();
    const notice = renderNotice('DAILY_DIGEST', model);
    expect(notice.subject).toBe('[Referral Hub] Daily digest — 2 referrals awaiting your action');
    for (const item of model.items!) {
      for (const part of [notice.text, notice.html]) {
        expect(part).toContain(item.referenceNumber);
        expect(part).toContain(item.formName);
        expect(part).toContain(item.summary);
        expect(part).toContain(item.link);
      }
      expect(notice.html).toContain(`href="${item.link}"`);
    }
    const one = renderNotice('DAILY_DIGEST', fullModel({ items: model.items!.slice(0, 1) }));
    expect(one.subject).toBe('[Referral Hub] Daily digest — 1 referral awaiting your action');

    const empty = renderNotice('DAILY_DIGEST', fullModel({ items: [] }));
    expect(empty.subject).toBe('[Referral Hub] Daily digest — 0 referrals awaiting your action');
    expect(empty.text).toContain('Nothing is waiting for your action');
    expect(empty.html).toContain('Nothing is waiting for your action');
    expect(empty.text).not.toContain('4442-2026-000007');
  });

  it('escapes model values in HTML (layout and partials included) and leaves text bodies raw', () => {
    const model = fullModel({
      recipientName: '<script>alert("hi")</script>',
      actorName: "Pat O'Brien & <b>Co</b>",
      formName: 'Form <i>14566</i>',
    });
    for (const kind of NOTICE_KINDS) {
      const notice = renderNotice(kind, model);
      expect(notice.html).not.toContain('<script>');
      expect(notice.html).not.toContain('<b>Co</b>');
      expect(notice.html).not.toContain('<i>14566</i>');
      expect(notice.html).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
      expect(notice.text).toContain('<script>alert("hi")</script>');
    }
    const forwarded = renderNotice('REFERRAL_FORWARDED', model);
    expect(forwarded.html).toContain('Pat O&#x27;Brien &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(forwarded.html).toContain('Form &lt;i&gt;14566&lt;/i&gt;'); // rendered by the details partial
    expect(forwarded.text).toContain("Pat O'Brien & <b>Co</b>");
    expect(forwarded.text).toContain('Form <i>14566</i>');
    // the text partial is not HTML-escaped either (text and HTML partials are compiled apart)
    expect(forwarded.text).not.toContain('&lt;');
    expect(forwarded.text).not.toContain('&#x27;');
  });

  it('escapes the link inside the href attribute and refuses non-http links', () => {
    const notice = renderNotice('REFERRAL_CLOSED', fullModel({ link: 'https://hub.example.gov/r?a=1&b="x"' }));
    // Handlebars escapes & " = (and < > ' `); the browser decodes them back to the same URL
    expect(notice.html).toContain('href="https://hub.example.gov/r?a&#x3D;1&amp;b&#x3D;&quot;x&quot;"');
    expect(() => renderNotice('REFERRAL_CLOSED', fullModel({ link: 'javascript:alert(1)' }))).toThrow(/http\(s\) URL/);
    expect(() => renderNotice('REFERRAL_CLOSED', fullModel({ link: '/referrals/1' }))).toThrow(/absolute URL/);
    const badItem = { ...fullModel().items![0]!, link: 'javascript:alert(1)' };
    expect(() => renderNotice('DAILY_DIGEST', fullModel({ items: [badItem] }))).toThrow(/items\[0\]\.link/);
  });

  it('refuses a model that lacks what the kind needs', () => {
    const { dueAt: _dueAt, ...withoutDue } = fullModel();
    expect(() => renderNotice('SLA_REMINDER', withoutDue)).toThrow(/dueAt is required/);
    const { clock: _clock, ...withoutClock } = fullModel();
    expect(() => renderNotice('SLA_BREACH', withoutClock)).toThrow(/clock is required/);
    const { escalationLevel: _level, ...withoutLevel } = fullModel();
    expect(() => renderNotice('SLA_ESCALATION', withoutLevel)).toThrow(/escalationLevel is required/);
    expect(() => renderNotice('SLA_ESCALATION', fullModel({ escalationLevel: 0 }))).toThrow(/at least 1/);
    const { items: _items, ...withoutItems } = fullModel();
    expect(() => renderNotice('DAILY_DIGEST', withoutItems)).toThrow(/items is required/);
    expect(() => renderNotice('REFERRAL_FILED', fullModel({ referenceNumber: ' ' }))).toThrow(/referenceNumber/);
    expect(() => renderNotice('REFERRAL_FILED', fullModel({ recipientName: '' }))).toThrow(/recipientName/);
    expect(() => renderNotice('NOT_A_KIND' as NoticeKind, fullModel())).toThrow(/Unknown notice kind/);
  });

  it('reads the templates from disk once', () => {
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    try {
      const fresh = new NoticeTemplates(NOTICE_TEMPLATE_SETS);
      const folders = NOTICE_TEMPLATE_SETS.map((set) => set.folder);
      const templateReads = () =>
        readFileSync.mock.calls.filter(([path]) => folders.some((folder) => String(path).startsWith(folder))).length;
      fresh.render('REFERRAL_FILED', fullModel());
      const afterFirst = templateReads();
      expect(afterFirst).toBe(templateFiles().length);
      for (const kind of NOTICE_KINDS) fresh.render(kind, fullModel());
      expect(templateReads()).toBe(afterFirst);
    } finally {
      readFileSync.mockRestore();
    }
  });
});
