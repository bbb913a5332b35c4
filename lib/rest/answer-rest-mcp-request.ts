import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { assertCanUseServer } from "@/lib/api-keys/can-use-server";
import type { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { callRestTool, type RestToolAnswer } from "@/lib/rest/call-rest-tool";
import { findRestServer } from "@/lib/rest/find-rest-server";
import { listRestTools } from "@/lib/rest/list-rest-tools";
import { recordRestRequest } from "@/lib/rest/record-rest-request";
import { type RestMcpInput, restMcpInput } from "@/lib/rest/rest-mcp-input-schema";
import { observeToolCall } from "@/lib/telemetry/observe-tool-call";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

// Tool arguments are JSON a script wrote, not files; 1 MiB is the webhook intake's default cap too.
const MAX_BODY_BYTES = 1024 * 1024;

export type RestMcpAnswer = Omit<RestToolAnswer, "result"> & { result: unknown };

/**
 * POST /api/v1/mcp/{server} for an authenticated key: 403 before anything is read when the key may not use the
 * server (so a key learns nothing about servers outside its scope, not even whether they exist), then the body,
 * the server (404 unknown, 503 disabled) and the method. Every request that gets here lands in the request log;
 * tool calls also feed the metrics through callTool's `record`.
 */
export async function answerRestMcpRequest(options: {
  actor: ApiKeyPrincipal;
  serverSlug: string;
  request: Request;
  requestId: string;
}): Promise<RestMcpAnswer> {
  const { actor, serverSlug, request } = options;
  const started = performance.now();
  let input: RestMcpInput | null = null;
  let call: ToolCallOutcome | null = null;
  let answer: RestMcpAnswer | null = null;
  let failure: AppError | null = null;
  try {
    assertCanUseServer(actor, serverSlug);
    input = restMcpInput.parse(await readJsonBody(request, MAX_BODY_BYTES));
    const server = await findRestServer(serverSlug);
    if (input.method === "call_tool") {
      answer = await callRestTool({
        actor,
        server,
        name: input.params.name,
        args: input.params.arguments ?? {},
        signal: request.signal,
        record: (outcome) => {
          call = outcome;
          observeToolCall(outcome);
        },
      });
    } else {
      const listStarted = performance.now();
      const result = await listRestTools({ actor, server });
      // The registry answered: no replica was asked and no response cache was involved.
      answer = {
        result,
        backend: server.slug,
        response_time: Math.round(performance.now() - listStarted),
        cached: false,
      };
    }
    return answer;
  } catch (error) {
    failure = toAppError(error);
    // The original, not the mapped one: an unexpected error keeps its cause for errorResponse's log line.
    throw error;
  } finally {
    recordRestRequest({
      requestId: options.requestId,
      apiKeyId: actor.id,
      serverSlug,
      input,
      call,
      response: answer?.result,
      failure,
      latencyMs: performance.now() - started,
    });
  }
}
