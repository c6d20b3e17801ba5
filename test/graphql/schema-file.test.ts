import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHubSchema, printHubSchema } from '../../src/app/schema';

it('schema/schema.graphql is current (run `npm run schema` after changing the API)', async () => {
  const checkedIn = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(checkedIn).toBe(printHubSchema(await buildHubSchema()));
});
