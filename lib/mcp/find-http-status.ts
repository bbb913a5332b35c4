import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** The HTTP status an upstream answered with, from the MCP SDK's transport error anywhere down the cause chain. */
export function findHttpStatus(error: unknown, depth = 0): number | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  if ((error instanceof StreamableHTTPError || error instanceof SseError) && typeof error.code === "number") {
    return error.code > 0 ? error.code : undefined;
  }
  return findHttpStatus((error as { cause?: unknown }).cause, depth + 1);
}
