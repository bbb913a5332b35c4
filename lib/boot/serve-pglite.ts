import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PgliteSessionQueue } from "./pglite-session-queue";

export type ServedPglite = { databaseUrl: string; port: number; stop: () => Promise<void> };

// Web, worker, CLI and test workers each keep a small pool open; idle connections cost PGlite nothing because
// queries are serialized onto its one session anyway.
const DEFAULT_MAX_CONNECTIONS = 200;

/**
 * Serves a PGlite instance over the Postgres wire protocol on loopback, so ordinary `pg` pools (Prisma's adapter,
 * the migration engine) in any process can use it. `stop()` closes the server but leaves the database open.
 */
export async function servePglite({
  db,
  port = 0,
  maxConnections = DEFAULT_MAX_CONNECTIONS,
}: {
  db: PGlite;
  port?: number;
  maxConnections?: number;
}): Promise<ServedPglite> {
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections });
  // Replace the package's message queue with one that keeps extended-protocol cycles whole (see the queue's
  // comment). The field is private in 0.2.17, which package.json pins exactly; fail loudly if its shape changes.
  const internals = server as unknown as { queryQueue?: unknown };
  if (!internals.queryQueue) {
    throw new Error(
      "@electric-sql/pglite-socket changed its internals; review lib/boot/pglite-session-queue.ts",
    );
  }
  internals.queryQueue = new PgliteSessionQueue(db);
  await server.start();
  const bound = Number(server.getServerConn().split(":").pop());
  return {
    databaseUrl: `postgresql://postgres@127.0.0.1:${bound}/postgres`,
    port: bound,
    stop: () => server.stop(),
  };
}
