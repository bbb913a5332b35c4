import { getPrisma } from "@/lib/db/get-prisma";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/telemetry/log";
import { appendJobEvent } from "./append-job-event";
import { finishJob, type JobOutcome } from "./finish-job";
import { JobFailure, type JobRunner } from "./runners/job-runner";
import { runAgent } from "./runners/run-agent";
import { runPlaybook } from "./runners/run-playbook";
import { watchJobCancel } from "./watch-job-cancel";

/** One runner per job kind. */
const runners: Record<string, JobRunner> = { playbook: runPlaybook, agent: runAgent };

type StopReason = "cancelled" | "timed_out" | "shutdown";

/**
 * Runs one queued job on this worker: claims the row (a job already ended — cancelled while queued, or finished by
 * an earlier attempt — is left alone), writes `job_started`, runs the kind's runner under one signal that aborts on
 * cancel, on the job's timeout and on the worker's shutdown, and records the ending. On shutdown the job is handed
 * back (status `queued` again) and "handed_back" is returned: the caller makes the queue offer it to another worker.
 */
export async function runJob(options: {
  jobId: string;
  workerId: string;
  shutdown: AbortSignal;
}): Promise<"done" | "handed_back"> {
  const { jobId, workerId } = options;
  const prisma = getPrisma();
  const claimed = await prisma.job.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] } },
    data: { status: "running", workerId, attempts: { increment: 1 }, startedAt: new Date() },
  });
  if (claimed.count === 0) return "done";
  const job = await prisma.job.findUniqueOrThrow({
    where: { id: jobId },
    include: { playbook: true, agent: true },
  });
  await appendJobEvent(jobId, "job_started", { attempt: job.attempts, workerId });
  if (job.attempts > 1) {
    await appendJobEvent(jobId, "status_update", {
      message: `Attempt ${job.attempts}: the previous attempt stopped before finishing; starting over.`,
    });
  }

  const stop = new AbortController();
  const abort = (reason: StopReason) => stop.abort(reason);
  const timer = setTimeout(() => abort("timed_out"), job.timeoutSeconds * 1000);
  const onShutdown = () => abort("shutdown");
  options.shutdown.addEventListener("abort", onShutdown);
  const unwatch = watchJobCancel(jobId, () => abort("cancelled"));
  if (job.cancelRequested || options.shutdown.aborted) abort(job.cancelRequested ? "cancelled" : "shutdown");

  let outcome: JobOutcome;
  try {
    const runner = runners[job.kind];
    if (!runner) throw new JobFailure("unprocessable", `Unknown job kind "${job.kind}".`);
    stop.signal.throwIfAborted();
    const result = await runner({
      job,
      signal: stop.signal,
      emit: async (type, data) => {
        await appendJobEvent(jobId, type, data);
      },
    });
    outcome = { status: "succeeded", result };
  } catch (error) {
    const reason = stop.signal.aborted ? (stop.signal.reason as StopReason) : null;
    if (reason === "shutdown") {
      await handBack(jobId, workerId);
      return "handed_back";
    }
    outcome = toFailure(reason, error, job.timeoutSeconds);
  } finally {
    clearTimeout(timer);
    options.shutdown.removeEventListener("abort", onShutdown);
    unwatch();
  }
  await finishJob(jobId, outcome);
  return "done";
}

function toFailure(reason: StopReason | null, error: unknown, timeoutSeconds: number): JobOutcome {
  if (reason === "cancelled") {
    return { status: "cancelled", errorCode: "cancelled", errorMessage: "Cancelled on request." };
  }
  if (reason === "timed_out") {
    return {
      status: "timed_out",
      errorCode: "timeout",
      errorMessage: `The job did not finish within ${timeoutSeconds} s.`,
    };
  }
  if (error instanceof JobFailure || isAppError(error)) {
    return { status: "failed", errorCode: error.code, errorMessage: error.message };
  }
  log.error("job runner failed unexpectedly", { error });
  return { status: "failed", errorCode: "internal", errorMessage: "The job failed unexpectedly." };
}

// Back to `queued` with a note, so the page says why the job paused; whoever takes it next starts it over.
async function handBack(jobId: string, workerId: string): Promise<void> {
  const handed = await getPrisma().job.updateMany({
    where: { id: jobId, status: "running", workerId },
    data: { status: "queued", workerId: null },
  });
  if (handed.count > 0) {
    await appendJobEvent(jobId, "status_update", {
      message: "The worker is shutting down; the job goes back to the queue.",
    });
  }
}
