/** What a job's stream carries, in order. `job_finished` is always last; a stream ends after it. */
export const jobEventTypes = [
  "job_started",
  "status_update",
  "tool_call",
  "tool_result",
  "text_delta",
  "result",
  "error",
  "job_finished",
] as const;
export type JobEventType = (typeof jobEventTypes)[number];

export type JobEvent = { seq: number; type: JobEventType; data: Record<string, unknown>; at: string };

export const terminalJobStatuses = ["succeeded", "failed", "cancelled", "timed_out"] as const;
export type TerminalJobStatus = (typeof terminalJobStatuses)[number];

export function isTerminalJobStatus(status: string): status is TerminalJobStatus {
  return (terminalJobStatuses as readonly string[]).includes(status);
}

/** The fan-out topic a job's new events are published on (lib/redis/get-event-fanout.ts). */
export const jobEventsTopic = (jobId: string) => `job:${jobId}:events`;
/** The topic a cancel request is published on, so the worker running the job aborts at once. */
export const jobControlTopic = (jobId: string) => `job:${jobId}:control`;
