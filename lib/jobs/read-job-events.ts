import { getPrisma } from "@/lib/db/get-prisma";
import type { JobEvent, JobEventType } from "./job-event-types";

/** A job's stored events after `afterSeq`, in order, at most `limit`. */
export async function readJobEvents(jobId: string, afterSeq: number, limit = 500): Promise<JobEvent[]> {
  const rows = await getPrisma().jobEvent.findMany({
    where: { jobId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((row) => ({
    seq: row.seq,
    type: row.type as JobEventType,
    data: row.data as Record<string, unknown>,
    at: row.createdAt.toISOString(),
  }));
}
