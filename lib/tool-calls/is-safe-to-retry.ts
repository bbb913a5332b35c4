import type { ToolCallTool } from "@/lib/tool-calls/tool-call-types";

/**
 * Whether a failed attempt may be repeated. A request that provably never reached the server (refused, DNS, connect
 * timeout, or the connection set-up before it) is always safe; after that only a tool whose hints say repeating is
 * harmless, or an operator's "always". "never" is absolute.
 */
export function isSafeToRetry(tool: ToolCallTool, failure: { reachedServer: boolean }): boolean {
  const override = tool.retryOverride ?? "safe";
  if (override === "never") return false;
  if (!failure.reachedServer || override === "always") return true;
  return tool.annotations?.readOnlyHint === true || tool.annotations?.idempotentHint === true;
}
