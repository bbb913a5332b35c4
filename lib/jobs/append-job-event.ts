import { type DbTx, getPrisma } from "@/lib/db/get-prisma";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { log } from "@/lib/telemetry/log";
import { type JobEvent, type JobEventType, jobEventsTopic } from "./job-event-types";

/**
 * Stores the job's next event and then announces it to live subscribers. The sequence number is taken and the row
 * written in one statement (the UPDATE locks the job row), so concurrent writers can neither share nor skip a
 * number. The database is the stream's truth; the announcement only saves readers a query.
 */
export async function appendJobEvent(
  jobId: string,
  type: JobEventType,
  data: Record<string, unknown> = {},
): Promise<JobEvent> {
  const event = await insertJobEvent(getPrisma(), jobId, type, data);
  await announceJobEvent(jobId, event);
  return event;
}

/** The insert alone, for callers that write events in their own transaction and announce them after commit. */
export async function insertJobEvent(
  db: DbTx,
  jobId: string,
  type: JobEventType,
  data: Record<string, unknown> = {},
): Promise<JobEvent> {
  const rows = await db.$queryRaw<{ seq: number; createdAt: Date }[]>`
    WITH next AS (
      UPDATE "Job" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = now() WHERE id = ${jobId} RETURNING "lastSeq"
    )
    INSERT INTO "JobEvent" ("jobId", seq, type, data)
    SELECT ${jobId}, next."lastSeq", ${type}, ${JSON.stringify(data)}::jsonb FROM next
    RETURNING seq, "createdAt"`;
  const row = rows[0];
  if (!row) throw new Error(`Job ${jobId} does not exist`);
  return { seq: row.seq, type, data, at: row.createdAt.toISOString() };
}

/** A failed announcement is logged, not thrown: readers poll the database too. */
export async function announceJobEvent(jobId: string, event: JobEvent): Promise<void> {
  await getEventFanout()
    .publish(jobEventsTopic(jobId), event)
    .catch((error: unknown) => log.warn("job event not announced", { jobId, seq: event.seq, error }));
}
