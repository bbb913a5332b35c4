import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { StoredToolResult } from "@/lib/webhooks/processing/delivery-outcome";

// Enough for any answer a human reads on the deliveries page; a tool returning megabytes (a file, an image) must not
// bloat the inbox table, which is read on every page load.
const MAX_STORED_CHARS = 64 * 1024;

/** The parts of a tool result worth keeping, cut to a bounded size when it is larger. */
export function boundToolResult(result: CallToolResult): StoredToolResult {
  const kept: StoredToolResult = {
    content: result.content ?? [],
    ...(result.structuredContent === undefined ? {} : { structuredContent: result.structuredContent }),
    isError: result.isError === true,
  };
  const text = JSON.stringify(kept);
  if (text.length <= MAX_STORED_CHARS) return kept;
  return {
    content: [{ type: "text", text: `${text.slice(0, MAX_STORED_CHARS)}…` }],
    isError: kept.isError,
    truncated: true,
  };
}
