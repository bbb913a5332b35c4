import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";
import { forwardUpstream } from "./forward-upstream";
import { readMcpMessages } from "./read-mcp-messages";

/**
 * Opens a fresh upstream session on one replica by replaying the client's initialize request (and the initialized
 * notification the client sent after it). Used when an upstream session has expired or its replica went away (the
 * client keeps its own session id and never sees the change), and by the federated endpoint to open a session's
 * upstream sessions as it first needs them.
 */
export async function openUpstreamSession(options: {
  server: ToolCallTarget;
  replicaUrl: string;
  initializeParams: unknown;
  signal?: AbortSignal;
}): Promise<{ upstreamSessionId: string | null; protocolVersion: string | null }> {
  const { server, replicaUrl } = options;
  const accept = { accept: "application/json, text/event-stream", "content-type": "application/json" };
  const response = await forwardUpstream({
    method: "POST",
    url: replicaUrl,
    serverHeaders: server.headers,
    extraHeaders: accept,
    sessionId: null,
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: `orbit-reinitialize-${randomUUID()}`,
      method: "initialize",
      params: options.initializeParams,
    }),
    signal: options.signal,
    timeoutMs: server.timeoutMs,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError(
      "upstream_error",
      `${server.slug} refused to open a new session (HTTP ${response.status}).`,
    );
  }
  const upstreamSessionId = response.headers.get("mcp-session-id");
  const answer = (await readMcpMessages(response)).find((m) => m.result || m.error);
  if (!answer?.result) {
    throw new AppError(
      "upstream_error",
      `${server.slug} refused to open a new session: ${answer?.error?.message ?? "no answer"}.`,
    );
  }
  const protocolVersion =
    typeof answer.result.protocolVersion === "string" ? answer.result.protocolVersion : null;
  const initialized = await forwardUpstream({
    method: "POST",
    url: replicaUrl,
    serverHeaders: server.headers,
    extraHeaders: { ...accept, ...(protocolVersion ? { "mcp-protocol-version": protocolVersion } : {}) },
    sessionId: upstreamSessionId,
    body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    signal: options.signal,
    timeoutMs: server.timeoutMs,
  });
  await initialized.body?.cancel();
  return { upstreamSessionId, protocolVersion };
}
