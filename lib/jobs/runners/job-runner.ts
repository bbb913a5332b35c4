import type { Agent, Job, Playbook } from "@/lib/db/generated/client";
import type { JobEventType } from "../job-event-types";

export type RunnableJob = Job & { playbook: Playbook | null; agent: Agent | null };

/** What a runner gets: the job, a signal that aborts on cancel, timeout or shutdown, and its event writer. */
export type JobRunContext = {
  job: RunnableJob;
  signal: AbortSignal;
  emit: (type: JobEventType, data?: Record<string, unknown>) => Promise<void>;
};

/**
 * Runs one kind of job and returns its result; throws to fail it (an AppError's code and message are kept). A
 * runner never writes the job's status: lib/jobs/run-job.ts does, from what the runner returned or threw and why the
 * signal aborted. New kinds add a runner and an entry in run-job.ts's table.
 */
export type JobRunner = (context: JobRunContext) => Promise<unknown>;

/** A failure the runner explains itself (a step that failed under the "stop" policy, a playbook gone). */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "JobFailure";
  }
}
