import type { ToolCallTool } from "@/lib/tool-calls/tool-call-types";

/** Only a tool that says it changes nothing may be answered from cache, and only when an operator gave it a TTL. */
export function isToolCacheable(tool: ToolCallTool): boolean {
  return (tool.cacheTtlSeconds ?? 0) > 0 && tool.annotations?.readOnlyHint === true;
}
