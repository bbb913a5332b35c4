import { isAppError } from "@/lib/errors/app-error";
import { compileJsonata } from "@/lib/webhooks/routing/compile-jsonata";
import { callJobTool } from "../call-job-tool";
import { type PlaybookStep, playbookSteps } from "../playbook-steps-schema";
import { JobFailure, type JobRunContext, type JobRunner } from "./job-runner";
import { type StepResult, toStepResult } from "./to-step-result";

type StepFailure = { code: string; message: string };

/**
 * Runs a playbook's steps in order. Each step: `when` (skip when false) → arguments from JSONata → the tool call,
 * tried again per its `{retry: n}` policy → on failure stop the job (default) or continue. A failed step under
 * "continue" leaves `steps.<id>` as `{error: {code, message}}` for later conditions to read. The result is the last
 * step's result (`output`) and every step's (`steps`).
 */
export const runPlaybook: JobRunner = async ({ job, signal, emit }) => {
  if (!job.playbook) throw new JobFailure("not_found", "The job's playbook was deleted.");
  const parsed = playbookSteps.safeParse(job.playbook.steps);
  if (!parsed.success) {
    throw new JobFailure(
      "unprocessable",
      `The playbook's steps are invalid: ${parsed.error.issues[0]?.message}`,
    );
  }
  const scope = { input: job.inputText, payload: job.input, steps: {} as Record<string, unknown> };
  let output: StepResult | null = null;
  for (const step of parsed.data) {
    signal.throwIfAborted();
    if (step.when && !(await evaluate(step.when, scope, step))) {
      await emit("status_update", {
        step: step.id,
        message: `Skipped step "${step.id}": its condition is false.`,
      });
      continue;
    }
    const outcome = await runStep({ step, scope, signal, emit, jobId: job.id });
    if ("text" in outcome) {
      scope.steps[step.id] = outcome;
      output = outcome;
      continue;
    }
    if (step.onError !== "continue") {
      throw new JobFailure(outcome.code, `Step "${step.id}" failed: ${outcome.message}`);
    }
    scope.steps[step.id] = { error: outcome };
    await emit("status_update", { step: step.id, message: `Step "${step.id}" failed; continuing.` });
  }
  return { output, steps: scope.steps };
};

async function runStep(options: {
  step: PlaybookStep;
  scope: Record<string, unknown>;
  signal: AbortSignal;
  emit: JobRunContext["emit"];
  jobId: string;
}): Promise<StepResult | StepFailure> {
  const { step, signal, emit } = options;
  let args: unknown;
  try {
    args = step.arguments ? await compileJsonata(step.arguments).evaluate(options.scope) : {};
  } catch (error) {
    return { code: "unprocessable", message: `arguments: ${(error as Error).message}` };
  }
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    return { code: "unprocessable", message: "arguments must evaluate to an object" };
  }
  const tries = 1 + (typeof step.onError === "object" ? step.onError.retry : 0);
  let failure: StepFailure = { code: "internal", message: "not attempted" };
  for (let attempt = 1; attempt <= tries; attempt++) {
    await emit("tool_call", {
      step: step.id,
      server: step.server,
      tool: step.tool,
      arguments: args,
      attempt,
    });
    try {
      const answer = await callJobTool({
        jobId: options.jobId,
        serverSlug: step.server,
        tool: step.tool,
        args: args as Record<string, unknown>,
        signal,
      });
      const result = toStepResult(answer.result);
      await emit("tool_result", {
        step: step.id,
        attempt,
        isError: result.isError,
        text: result.text,
        structured: result.structured,
        latencyMs: answer.latencyMs,
        cached: answer.cached,
      });
      if (!result.isError) return result;
      failure = { code: "tool_error", message: result.text || "The tool answered with an error." };
    } catch (error) {
      // Cancel, timeout and shutdown end the job, not the step: run-job.ts reads why from the signal.
      if (signal.aborted) throw error;
      failure = isAppError(error)
        ? { code: error.code, message: error.message }
        : { code: "internal", message: "The tool call failed unexpectedly." };
      await emit("tool_result", { step: step.id, attempt, error: failure });
    }
  }
  return failure;
}

async function evaluate(source: string, scope: unknown, step: PlaybookStep): Promise<boolean> {
  try {
    return Boolean(await compileJsonata(source).evaluate(scope));
  } catch (error) {
    throw new JobFailure("unprocessable", `Step "${step.id}" condition: ${(error as Error).message}`);
  }
}
