import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHubSchema, printHubSchema } from '../src/app/schema';

/** `npm run schema`: rewrites schema/schema.graphql from the type-graphql resolvers. */
async function emitSchema(): Promise<void> {
  const target = join(__dirname, '..', '..', 'schema', 'schema.graphql');
  writeFileSync(target, printHubSchema(await buildHubSchema()));
  console.log(`wrote ${target}`);
}

emitSchema().catch((error) => {
  console.error(error);
  process.exit(1);
});
