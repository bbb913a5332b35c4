import { findAgentOrThrow } from "@/lib/agents/find-agent-or-throw";
import { requireAgentSettings } from "@/lib/agents/require-agent-settings";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { getQueue } from "@/lib/queue/get-queue";
import { JOBS_QUEUE } from "@/lib/queue/queue-definitions";
import { findPlaybookOrThrow } from "./find-playbook-or-throw";
import type { JobInput } from "./start-job-input-schema";

export type StartedJob = { jobId: string; status: "queued"; streamUrl: string };

/**
 * Records a playbook or agent job and puts it on the queue. Agent jobs are refused (503) while no model endpoint is
 * configured, rather than queued to fail later. The queue entry carries the job's own id, so it can never be
 * enqueued twice, and expires (its worker presumed dead) only after the job's timeout plus a grace period: a slow
 * job is timed out by its runner long before the queue would hand it to someone else.
 */
export async function startJob(options: {
  /** "user:<id>", "apikey:<id>" or "delivery:<id>". */
  createdBy: string;
  /** Exactly one of playbook and agent, each a slug or an id. */
  playbook?: string;
  agent?: string;
  input: JobInput;
  deliveryId?: string;
}): Promise<StartedJob> {
  const target = await findTarget(options);
  const queue = await getQueue().catch((error: unknown) => {
    throw new AppError("unavailable", "The job queue is unreachable; try again.", { cause: error });
  });
  // The row and the queue entry are written in one transaction: a job is never recorded without being queued, nor
  // queued without its row (pg-boss writes through the transaction's connection via its `db` option).
  const job = await getPrisma().$transaction(async (tx) => {
    const created = await tx.job.create({
      data: {
        ...target.data,
        inputShape: options.input.shape,
        inputText: options.input.text,
        input: (options.input.payload ?? {}) as Prisma.InputJsonValue,
        createdBy: options.createdBy,
        deliveryId: options.deliveryId ?? null,
        timeoutSeconds: target.timeoutSeconds,
      },
    });
    await queue.send(
      JOBS_QUEUE,
      { jobId: created.id },
      {
        id: created.id,
        expireInSeconds: created.timeoutSeconds + getEnv().ORBIT_JOB_EXPIRY_GRACE_SECONDS,
        retryLimit: getEnv().ORBIT_JOB_RETRY_LIMIT,
        db: {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toSqlParam)),
          }),
        },
      },
    );
    return created;
  });
  return { jobId: job.id, status: "queued", streamUrl: `/api/v1/jobs/${job.id}/events` };
}

async function findTarget(options: { playbook?: string; agent?: string }) {
  if (options.agent !== undefined && options.playbook === undefined) {
    requireAgentSettings();
    const agent = await findAgentOrThrow(options.agent);
    return { data: { kind: "agent", agentId: agent.id }, timeoutSeconds: agent.timeoutSeconds };
  }
  if (options.playbook === undefined || options.agent !== undefined) {
    throw new AppError("unprocessable", "Send exactly one of playbook or agent.");
  }
  const playbook = await findPlaybookOrThrow(options.playbook);
  return { data: { kind: "playbook", playbookId: playbook.id }, timeoutSeconds: playbook.timeoutSeconds };
}

// pg's own conversions, which pg-boss relies on: undefined is NULL, objects are JSON.
function toSqlParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
