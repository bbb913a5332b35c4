import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/telemetry/log";
import { QUEUE_DEFINITIONS } from "./queue-definitions";

export type Queue = PgBoss;

/**
 * A started pg-boss on DATABASE_URL with every Orbit queue created. Only workers `supervise` (run the maintenance
 * pass that expires entries of dead workers and offers them again or to a dead-letter queue); the web only sends and
 * cancels. Creating the schema and the queues is idempotent, so whichever process starts first does it.
 */
export async function createQueue(options: {
  databaseUrl: string;
  supervise: boolean;
  maintenanceSeconds?: number;
  /** Connections this process may hold; pg-boss's own default (10) is more than a web instance needs. */
  max?: number;
}): Promise<Queue> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    // Its own schema, apart from Prisma's migrations (ORBIT_QUEUE_SCHEMA; tests give each file its own).
    schema: getEnv().ORBIT_QUEUE_SCHEMA,
    max: options.max ?? 4,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 15,
    // Entries only carry ids: the rows they point at (deliveries, jobs, replicas) keep the history, so finished
    // entries need not stay long. Health checks alone add one per replica per interval.
    archiveCompletedAfterSeconds: 3_600,
    deleteAfterDays: 2,
    application_name: "orbit-queue",
  });
  // pg-boss reports failures of its background passes here; unhandled, an 'error' event would end the process.
  boss.on("error", (error) => log.error("queue error", { error }));
  await boss.start();
  // Dead-letter queues first: a queue naming one that does not exist yet is refused.
  for (const definition of QUEUE_DEFINITIONS) {
    await untilNoDeadlock(() => boss.createQueue(definition.name, definition));
  }
  return boss;
}

// Two processes creating the same queue at the same moment (web and worker starting together) can deadlock inside
// pg-boss's create_queue; PostgreSQL cancels one of them, and a second try finds the queue there.
async function untilNoDeadlock(create: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await create();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
