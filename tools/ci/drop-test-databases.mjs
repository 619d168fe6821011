// Drops the test databases whose names start with the given prefix (what a crashed test left behind).
import pg from 'pg';

const prefix = process.argv[2];
if (!prefix || !/^[a-z0-9_]+$/.test(prefix)) {
  console.error('usage: drop-test-databases.mjs <prefix>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  if (rows.length) console.log(`dropped ${rows.length} leftover test database(s)`);
} finally {
  await client.end();
}
