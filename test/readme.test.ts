import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHubSchema } from '../src/app/schema';
import { lifecycleMarkdownTable } from '../src/modules/referrals/referral-lifecycle';
import { lookoutLifecycleMarkdownTable } from '../src/modules/tecs/lookout-lifecycle';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README stays true', () => {
  it('prints the lifecycle table generated from REFERRAL_LIFECYCLE', () => {
    expect(readme).toContain(lifecycleMarkdownTable());
  });

  it('prints the lookout table generated from LOOKOUT_LIFECYCLE', () => {
    expect(readme).toContain(lookoutLifecycleMarkdownTable());
  });

  it('documents who may call every query and mutation', async () => {
    const schema = await buildHubSchema();
    const operations = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));
    const access = readme.split('## Roles and who may do what')[1].split('## Errors')[0];
    expect(operations.filter((name) => !access.includes(`\`${name}\``))).toEqual([]);
  });
});
