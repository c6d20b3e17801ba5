import pg from 'pg';

export default async function globalTeardown() {
  const embedded = globalThis.__HUB_TEST_POSTGRES__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // On a shared server, drop what this run created.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`hub_test_${process.env.TEST_RUN_ID}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
