import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { jsonSchema, stepCountIs, streamText, type ToolSet, tool } from "ai";
import { type AgentTool, loadAgentTools } from "@/lib/agents/load-agent-tools";
import { requireAgentSettings } from "@/lib/agents/require-agent-settings";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/telemetry/log";
import { callJobTool } from "../call-job-tool";
import { createTextBatcher, type TextBatcher } from "./create-text-batcher";
import { JobFailure, type JobRunContext, type JobRunner } from "./job-runner";
import { toStepResult } from "./to-step-result";

/**
 * Runs an LLM agent: the job's text as the user message, the agent's system prompt, and the gateway tools it may
 * use, through the AI SDK against the OpenAI-compatible endpoint. Tool calls go through the one tool-call path as
 * the job (`tool_call`/`tool_result` events); streamed text becomes batched `text_delta` events; the final text is
 * the result. A model still calling tools when the step limit is reached fails the job: it never answered.
 */
export const runAgent: JobRunner = async ({ job, signal, emit }) => {
  const agent = job.agent;
  if (!agent) throw new JobFailure("not_found", "The job's agent was deleted.");
  const settings = requireAgentSettings();
  const provider = createOpenAICompatible({
    name: "orbit-agent",
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey,
  });
  const text = createTextBatcher(emit);
  const tools = await loadAgentTools(agent.allowedTools);
  const result = streamText({
    model: provider.chatModel(agent.model ?? settings.model),
    system: agent.systemPrompt,
    prompt: job.inputText,
    tools: toToolSet(tools, { jobId: job.id, signal, emit, text }),
    stopWhen: stepCountIs(agent.stepLimit),
    ...(agent.temperature === null ? {} : { temperature: agent.temperature }),
    abortSignal: signal,
    // Retries are the gateway's business for tools; a failing model endpoint fails the job once, clearly.
    maxRetries: 0,
    // The SDK's default prints the whole error (response headers included) to stderr; the error part in fullStream
    // is read below and logged once as a JSON line.
    onError: () => {},
  });

  let failure: unknown = null;
  let finishReason: string | undefined;
  let steps = 0;
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") text.push(part.text);
    else if (part.type === "finish-step") steps++;
    else if (part.type === "finish") finishReason = part.finishReason;
    else if (part.type === "error") failure ??= part.error;
  }
  await text.flush();
  // Cancel, timeout and shutdown end the job: run-job.ts reads which from the signal.
  signal.throwIfAborted();
  if (failure) throw toModelFailure(failure);
  const answer = await result.text;
  if (finishReason === "tool-calls") {
    throw new JobFailure(
      "step_limit",
      `The agent used all ${agent.stepLimit} steps calling tools without giving an answer.`,
    );
  }
  return { text: answer, steps, finishReason };
};

function toToolSet(
  tools: AgentTool[],
  context: { jobId: string; signal: AbortSignal; emit: JobRunContext["emit"]; text: TextBatcher },
): ToolSet {
  const { emit } = context;
  return Object.fromEntries(
    tools.map((agentTool) => [
      agentTool.name,
      tool({
        description: agentTool.description,
        inputSchema: jsonSchema<Record<string, unknown>>(agentTool.inputSchema),
        execute: async (args) => {
          // Text the model streamed before deciding to call goes out first, so the stream reads in order.
          await context.text.flush();
          const named = { name: agentTool.name, server: agentTool.serverSlug, tool: agentTool.tool };
          await emit("tool_call", { ...named, arguments: args });
          try {
            const answer = await callJobTool({
              jobId: context.jobId,
              serverSlug: agentTool.serverSlug,
              tool: agentTool.tool,
              args,
              signal: context.signal,
            });
            const result = toStepResult(answer.result);
            await emit("tool_result", {
              ...named,
              isError: result.isError,
              text: result.text,
              structured: result.structured,
              latencyMs: answer.latencyMs,
              cached: answer.cached,
            });
            // The model reads the text (and says so when the tool failed), as an MCP client would show it.
            return result.isError ? `The tool reported an error: ${result.text}` : result.text;
          } catch (error) {
            if (context.signal.aborted) throw error;
            const failure = isAppError(error)
              ? { code: error.code, message: error.message }
              : { code: "internal", message: "The tool call failed unexpectedly." };
            await emit("tool_result", { ...named, error: failure });
            // Told to the model rather than thrown: it may try another way, and the step limit bounds it.
            return `The tool call failed (${failure.code}): ${failure.message}`;
          }
        },
      }),
    ]),
  );
}

// The endpoint's own message (status, "model not found") is what an operator needs; it holds no secret of ours.
function toModelFailure(error: unknown): JobFailure {
  const message = error instanceof Error ? error.message : String(error);
  log.warn("agent model call failed", { error });
  return new JobFailure("upstream_error", `The model endpoint failed: ${message.slice(0, 500)}`);
}
