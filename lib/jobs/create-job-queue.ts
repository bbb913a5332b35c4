import PgBoss from "pg-boss";
import { log } from "@/lib/telemetry/log";

/** pg-boss keeps its tables in their own schema, apart from Prisma's. */
export const JOB_QUEUE_SCHEMA = "pgboss";
/** Carries `{ jobId }` for every job kind; the Job row says what to run. */
export const JOBS_QUEUE = "orbit-jobs";
/** Where pg-boss puts a job once its retries are spent (its worker kept dying): the Job row is failed from there. */
export const LOST_JOBS_QUEUE = "orbit-jobs-lost";

export type JobQueue = PgBoss;

/**
 * A started pg-boss on DATABASE_URL with Orbit's two queues. Only workers `supervise` (run the maintenance pass that
 * expires jobs of dead workers and moves them to retry or to the lost queue); the web only sends and cancels.
 * Creating the schema and the queues is idempotent, so whichever process starts first does it.
 */
export async function createJobQueue(options: {
  databaseUrl: string;
  supervise: boolean;
  maintenanceSeconds?: number;
  retryLimit?: number;
  /** Connections this process may hold; pg-boss's own default (10) is more than a web instance needs. */
  max?: number;
}): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    max: options.max ?? 4,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 15,
    application_name: "orbit-jobs",
  });
  // pg-boss reports failures of its background passes here; unhandled, an 'error' event would end the process.
  boss.on("error", (error) => log.error("job queue error", { error }));
  await boss.start();
  await untilNoDeadlock(() =>
    boss.createQueue(LOST_JOBS_QUEUE, { name: LOST_JOBS_QUEUE, retryLimit: 5, retryDelay: 5 }),
  );
  await untilNoDeadlock(() =>
    boss.createQueue(JOBS_QUEUE, {
      name: JOBS_QUEUE,
      // Only a lost worker makes pg-boss retry: a runner records a job's own failure and completes the queue entry.
      retryLimit: options.retryLimit ?? 2,
      retryDelay: 2,
      deadLetter: LOST_JOBS_QUEUE,
    }),
  );
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
