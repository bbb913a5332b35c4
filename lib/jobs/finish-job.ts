import { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { announceJobEvent, insertJobEvent } from "./append-job-event";
import type { TerminalJobStatus } from "./job-event-types";

export type JobOutcome =
  | { status: "succeeded"; result: unknown }
  | { status: Exclude<TerminalJobStatus, "succeeded">; errorCode: string; errorMessage: string };

/**
 * Puts a job in its terminal state and writes its last events (`result` or `error`, then `job_finished`) in the same
 * transaction, so whoever sees the terminal status also finds `job_finished` (a stream relies on it to end). Only
 * the first caller wins (the update requires a status in `from`), so a cancel racing the runner's own ending, or a
 * lost-job sweep racing a late worker, leaves one ending. Returns whether this call ended the job.
 */
export async function finishJob(
  jobId: string,
  outcome: JobOutcome,
  /** The statuses it may end from; a cancel of a queued job passes ["queued"] so it never ends a running one. */
  from: ("queued" | "running")[] = ["queued", "running"],
): Promise<boolean> {
  const events = await getPrisma().$transaction(async (tx) => {
    const ended = await tx.job.updateMany({
      where: { id: jobId, status: { in: from } },
      data:
        outcome.status === "succeeded"
          ? { status: "succeeded", result: toJson(outcome.result), finishedAt: new Date() }
          : {
              status: outcome.status,
              errorCode: outcome.errorCode,
              errorMessage: outcome.errorMessage,
              finishedAt: new Date(),
            },
    });
    if (ended.count === 0) return null;
    const last =
      outcome.status === "succeeded"
        ? await insertJobEvent(tx, jobId, "result", { result: outcome.result ?? null })
        : await insertJobEvent(tx, jobId, "error", {
            code: outcome.errorCode,
            message: outcome.errorMessage,
          });
    return [last, await insertJobEvent(tx, jobId, "job_finished", { status: outcome.status })];
  });
  if (!events) return false;
  for (const event of events) await announceJobEvent(jobId, event);
  return true;
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
