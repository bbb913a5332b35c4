import pg from "pg";

/** Every test file's queue schema starts with this (lib/test/setup-test-file.ts). */
export const TEST_QUEUE_SCHEMA_PREFIX = "pgboss_test_";

/** Drops the queue schemas test files left in `databaseUrl` (they are only carriers; the rows they point at stay). */
export async function dropTestQueueSchemas(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)",
      [TEST_QUEUE_SCHEMA_PREFIX],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    return rows.length;
  } finally {
    await client.end();
  }
}
