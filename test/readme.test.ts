import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHubSchema } from '../src/app/schema';
import { CONFLICT_REASONS } from '../src/platform/common/errors';
import { lifecycleMarkdownTable } from '../src/modules/referrals/referral-lifecycle';
import { ReferralForm } from '../src/modules/referrals/forms/referral-form';
import { lookoutLifecycleMarkdownTable } from '../src/modules/tecs/lookout-lifecycle';
import { crossingLifecycleMarkdownTable } from '../src/modules/tecs/crossing-lifecycle';
import { investigationLifecycleMarkdownTable } from '../src/modules/tecs/investigation-lifecycle';
import { customsRequestLifecycleMarkdownTable } from '../src/modules/disclosure/customs-request-lifecycle';
import { pastTravelLifecycleMarkdownTable } from '../src/modules/disclosure/past-travel-lifecycle';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README stays true', () => {
  it.each(Object.values(ReferralForm))('prints the route of Form %s, generated from its table in REFERRAL_LIFECYCLES', (form) => {
    expect(readme).toContain(lifecycleMarkdownTable(form));
  });

  it('prints the lookout table generated from LOOKOUT_LIFECYCLE', () => {
    expect(readme).toContain(lookoutLifecycleMarkdownTable());
  });

  it('prints the crossing and OI tables generated from CROSSING_LIFECYCLE and INVESTIGATION_LIFECYCLE', () => {
    expect(readme).toContain(crossingLifecycleMarkdownTable());
    expect(readme).toContain(investigationLifecycleMarkdownTable());
  });

  it('prints the Customs request and past-travel tables generated from their lifecycles in the Disclosure section', () => {
    const disclosure = readme.split('## Disclosure')[1].split('\n## ')[0];
    expect(disclosure).toContain(customsRequestLifecycleMarkdownTable());
    expect(disclosure).toContain(pastTravelLifecycleMarkdownTable());
  });

  it('documents every reason a CONFLICT carries', () => {
    const errors = readme.split('## Errors')[1].split('\n## ')[0];
    expect(CONFLICT_REASONS.filter((reason) => !errors.includes(`| \`${reason}\` |`))).toEqual([]);
  });

  it('documents who may call every query and mutation', async () => {
    const schema = await buildHubSchema();
    const operations = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));
    const access = readme.split('## Roles and who may do what')[1].split('## Errors')[0];
    expect(operations.filter((name) => !access.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('README configuration table', () => {
  // Every setting is read in the one config module, by name: each name must have its row.
  const source = readFileSync(join(__dirname, '..', 'src', 'platform', 'config', 'config.ts'), 'utf8');
  const settings = [...new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]))];
  const table = readme.split('## Configuration')[1].split('\n## ')[0];

  it('finds the settings the config module reads', () => {
    expect(settings).toEqual(expect.arrayContaining(['DATABASE_URL', 'PORT', 'METRICS_PORT', 'SHUTDOWN_TIMEOUT_SECONDS']));
  });

  it('documents every one of them', () => {
    expect(settings.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
