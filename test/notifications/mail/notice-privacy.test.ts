import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import {
  NOTICE_DIGEST_ITEM_FIELDS,
  NOTICE_MODEL_FIELDS,
  NOTICE_TEMPLATE_HELPERS,
  NoticePrivacyError,
  type NoticeDigestItem,
  type NoticeModel,
} from '../../../src/platform/notifications/mail/render-notice';
import { NOTICE_KINDS } from '../../../src/app/notice-kinds';
import { containsTinShapedNumber } from '../../../src/platform/security/tin-shapes';
import { fullModel, renderNotice, templateFiles, TIN_SHAPES } from './notice-fixtures';

/**
 * Privacy (DOMAIN.md, IRM 25.25.6): a notice carries a reference and a link, never taxpayer data.
 * The allow-lists below are written out here on purpose, not imported: widening what a notice may
 * show must be a deliberate edit of this test.
 */
const ALLOWED_MODEL_FIELDS = [
  'recipientName',
  'referenceNumber',
  'formName',
  'state',
  'actorName',
  'dueAt',
  'clock',
  'escalationLevel',
  'link',
  'items',
] as const;
const ALLOWED_ITEM_FIELDS = ['referenceNumber', 'formName', 'state', 'link', 'summary'] as const;
const ALLOWED_HELPERS = ['if', 'unless', 'each', 'shortDate', 'plural'];
const ALLOWED_DATA = ['@index', '@first', '@last'];

// Compile time (`tsc`, run by `npm test`): NoticeModel has exactly the allowed fields. A new field
// (say `tin` or `note`) makes this file fail to compile until the allow-list above is changed.
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const modelFieldsAreAllowed: Same<keyof NoticeModel, (typeof ALLOWED_MODEL_FIELDS)[number]> = true;
const itemFieldsAreAllowed: Same<keyof NoticeDigestItem, (typeof ALLOWED_ITEM_FIELDS)[number]> = true;

const FORBIDDEN_FIELD_NAME = /tin|ssn|ein|taxpayer|note|remark|comment|address|phone|birth|dob|content|body/i;

type Scope = 'model' | 'item';
interface Finding {
  template: string;
  path: string;
  problem?: string;
}

/** Walks a template AST and reports every path it reads, with a problem when it is not allowed. */
function collectPaths(template: string, source: string, partials: Map<string, string>, findings: Finding[]): void {
  const report = (path: string, problem?: string) => findings.push({ template, path, problem });

  const checkPath = (node: hbs.AST.PathExpression, scopes: Scope[]): void => {
    const original = node.original;
    if (node.data) {
      report(original, ALLOWED_DATA.includes(original) ? undefined : 'data variable not allowed');
      return;
    }
    const scope = scopes[scopes.length - 1 - node.depth];
    const [head, ...tail] = node.parts;
    if (!scope || head === undefined) {
      report(original, 'whole-context or out-of-scope lookups are not allowed');
      return;
    }
    const allowed: readonly string[] = scope === 'model' ? ALLOWED_MODEL_FIELDS : ALLOWED_ITEM_FIELDS;
    if (!allowed.includes(head)) {
      report(original, `"${head}" is not a ${scope} field`);
    } else if (tail.length > 0 && !(scope === 'model' && head === 'items' && tail.join('.') === 'length')) {
      report(original, 'nested lookup not allowed');
    } else {
      report(`${scope === 'item' ? 'items[].' : ''}${original}`);
    }
  };

  const checkExpression = (node: hbs.AST.Expression, scopes: Scope[]): void => {
    if (node.type === 'PathExpression') checkPath(node as hbs.AST.PathExpression, scopes);
    else if (node.type === 'SubExpression') checkCall(node as hbs.AST.SubExpression, scopes);
    // literals read nothing
  };

  const checkCall = (
    node: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash },
    scopes: Scope[],
  ): void => {
    const path = node.path as hbs.AST.PathExpression;
    if (node.params.length === 0 && !node.hash) {
      checkPath(path, scopes);
      return;
    }
    if (!ALLOWED_HELPERS.includes(path.original)) report(path.original, 'helper not allowed');
    for (const param of node.params) checkExpression(param, scopes);
    for (const pair of node.hash?.pairs ?? []) checkExpression(pair.value, scopes);
  };

  const walkPartial = (
    name: hbs.AST.PathExpression | hbs.AST.SubExpression,
    scopes: Scope[],
    node: { params: unknown[]; hash?: unknown },
  ): void => {
    const partialName = (name as hbs.AST.PathExpression).original;
    if (partialName === '@partial-block') return;
    if (node.params.length > 0 || node.hash) report(partialName, 'partial parameters not allowed');
    const partialSource = partials.get(partialName);
    if (partialSource === undefined) report(partialName, 'unknown partial');
    else walk(Handlebars.parse(partialSource), scopes);
  };

  const walk = (program: hbs.AST.Program, scopes: Scope[]): void => {
    for (const statement of program.body) {
      switch (statement.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const mustache = statement as hbs.AST.MustacheStatement;
          if (!mustache.escaped && template.endsWith('.html.hbs')) report('{{{…}}}', 'unescaped output in HTML');
          checkCall(mustache, scopes);
          break;
        }
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          const helper = block.path.original;
          if (!['if', 'unless', 'each'].includes(helper)) report(helper, 'block helper not allowed');
          for (const param of block.params) checkExpression(param, scopes);
          let inner = scopes;
          if (helper === 'each') {
            const list = block.params[0] as hbs.AST.PathExpression | undefined;
            if (list?.original !== 'items' || scopes[scopes.length - 1] !== 'model') report(String(list?.original), 'each only over items');
            inner = [...scopes, 'item'];
          }
          if (block.program) walk(block.program, inner);
          if (block.inverse) walk(block.inverse, scopes);
          break;
        }
        case 'PartialStatement': {
          const partial = statement as hbs.AST.PartialStatement;
          walkPartial(partial.name, scopes, partial);
          break;
        }
        case 'PartialBlockStatement': {
          const partial = statement as hbs.AST.PartialBlockStatement;
          walkPartial(partial.name, scopes, partial);
          walk(partial.program, scopes);
          break;
        }
        default:
          report(statement.type, 'statement type not allowed');
      }
    }
  };

  walk(Handlebars.parse(source), ['model']);
}

function partialsFor(format: 'text' | 'html'): Map<string, string> {
  const partials = new Map<string, string>();
  for (const { file, path } of templateFiles()) {
    const match = /^_([A-Za-z0-9-]+)\.(text|html)\.hbs$/.exec(file);
    if (match && match[2] === format) partials.set(match[1]!, readFileSync(path, 'utf8'));
  }
  return partials;
}

function scanTemplate(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  collectPaths(file, source, partialsFor(file.endsWith('.html.hbs') ? 'html' : 'text'), findings);
  return findings;
}

describe('NoticeModel carries no taxpayer data', () => {
  it('has exactly the allowed fields, none of them named like taxpayer data', () => {
    expect(modelFieldsAreAllowed && itemFieldsAreAllowed).toBe(true);
    // runtime twin of the compile-time check: the renderer copies exactly these fields into templates
    expect([...NOTICE_MODEL_FIELDS].sort()).toEqual([...ALLOWED_MODEL_FIELDS].sort());
    expect([...NOTICE_DIGEST_ITEM_FIELDS].sort()).toEqual([...ALLOWED_ITEM_FIELDS].sort());
    expect(NOTICE_MODEL_FIELDS).not.toContain('note');
    for (const field of [...ALLOWED_MODEL_FIELDS, ...ALLOWED_ITEM_FIELDS]) {
      expect({ field, forbidden: FORBIDDEN_FIELD_NAME.test(field) }).toEqual({ field, forbidden: false });
    }
    for (const helper of NOTICE_TEMPLATE_HELPERS) expect(ALLOWED_HELPERS).toContain(helper);
  });
});

describe('templates only read allowed model fields', () => {
  const templates = templateFiles().filter(({ file }) => file.endsWith('.hbs') && !file.startsWith('_'));
  const files = templates.map(({ file }) => file);
  const pathOf = new Map(templates.map(({ file, path }) => [file, path]));

  it('finds every kind template', () => {
    expect(files).toHaveLength(NOTICE_KINDS.length * 3);
  });

  it.each(files)('%s', (file) => {
    const findings = scanTemplate(file, readFileSync(pathOf.get(file)!, 'utf8'));
    expect(findings.filter((finding) => finding.problem)).toEqual([]);
    // the walker really saw the template's fields (not vacuously empty)
    const seen = findings.map((finding) => finding.path);
    const digest = file.startsWith('DAILY_DIGEST.');
    if (file.endsWith('.subject.hbs')) expect(seen).toContain(digest ? 'items.length' : 'referenceNumber');
    else expect(seen).toEqual(expect.arrayContaining(['recipientName', 'link', digest ? 'items[].summary' : 'formName']));
  });

  it('the allow-list check catches forbidden fields, helpers and raw output', () => {
    const problems = (file: string, source: string) =>
      scanTemplate(file, source)
        .filter((finding) => finding.problem)
        .map((finding) => finding.path);
    expect(problems('X.text.hbs', 'Hello {{recipientName}} {{note}}')).toEqual(['note']);
    expect(problems('X.text.hbs', '{{#each items}}{{taxpayerName}} {{../tin}} {{summary}}{{/each}}')).toEqual(['taxpayerName', '../tin']);
    expect(problems('X.text.hbs', '{{#if ssn}}x{{/if}}{{lookup this "ein"}}{{#with items}}{{/with}}')).toEqual([
      'ssn',
      'lookup',
      'this',
      'with',
    ]);
    expect(problems('X.html.hbs', '{{#> layout}}{{{recipientName}}}{{/layout}}')).toEqual(['{{{…}}}']);
    expect(problems('X.text.hbs', '{{> unknown}}{{items.0.summary}}')).toEqual(['unknown', 'items.0.summary']);
  });
});

describe('rendered notices carry no taxpayer data', () => {
  /** A caller that (wrongly) passes a richer object: the extras must never reach the output. */
  function poisonedModel(): NoticeModel {
    const model = fullModel();
    return {
      ...model,
      tin: '123-45-6789',
      ein: '12-3456789',
      ssn: '987654321',
      taxpayerName: 'Jordan Q. Taxpayer',
      note: 'Taxpayer Jordan Q. Taxpayer called about SSN 123-45-6789',
      items: model.items!.map((item) => ({ ...item, tin: '123456789', note: 'Jordan Q. Taxpayer' })),
    } as NoticeModel;
  }

  it('the TIN detectors used below do match TINs', () => {
    for (const sample of ['123-45-6789', '12-3456789', '123456789']) {
      expect(TIN_SHAPES.some((shape) => shape.test(sample))).toBe(true);
      expect(containsTinShapedNumber(`EIN/SSN ${sample}.`)).toBe(true);
    }
    // reference numbers and dates are not TIN-shaped
    expect(containsTinShapedNumber('14566-2026-000042 due Mon 30 Nov 2026, 11:59 PM')).toBe(false);
    expect(containsTinShapedNumber('1234567890')).toBe(false); // ten digits: some other number
  });

  it('does not mistake the hex groups of a UUID link for a TIN', () => {
    for (const id of ['a1b2c3d4-e5f6-4a7b-ab12-3456789cdef0', 'c0ffee00-1234-4abc-8def-123456789abc']) {
      const link = `https://hub.example.gov/referrals/${id}`;
      expect(containsTinShapedNumber(link)).toBe(false);
      expect(renderNotice('REFERRAL_FORWARDED', fullModel({ link })).text).toContain(link);
    }
  });

  it.each(NOTICE_KINDS)('%s: output holds no TIN-shaped number and none of the extra fields', (kind) => {
    const notice = renderNotice(kind, poisonedModel());
    for (const part of [notice.subject, notice.text, notice.html]) {
      for (const shape of TIN_SHAPES) expect(part).not.toMatch(shape);
      expect(part).not.toContain('Jordan');
      expect(part).not.toMatch(/called about/);
    }
  });

  it('refuses to render a notice whose output would contain a TIN, whichever field brought it', () => {
    const item = fullModel().items![0]!;
    const leaks: [string, Partial<NoticeModel>][] = [
      ['recipientName', { recipientName: 'Robin 123-45-6789' }],
      ['actorName', { actorName: 'EIN 12-3456789' }],
      ['formName', { formName: 'Form 14566 for 123456789' }],
      ['link', { link: 'https://hub.example.gov/referrals?tin=123456789' }],
      ['items[].summary', { items: [{ ...item, summary: 'SSN 123-45-6789 pending' }] }],
    ];
    for (const [field, overrides] of leaks) {
      const kind = field.startsWith('items') ? 'DAILY_DIGEST' : 'REFERRAL_FORWARDED';
      expect(() => renderNotice(kind, fullModel(overrides))).toThrow(NoticePrivacyError);
    }
  });
});
