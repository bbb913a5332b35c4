import { recordMetric } from "@/lib/telemetry/record-metric";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

// Tool names come from callers (a REST client may name any tool, listed or not), so they are trusted as labels only
// up to a point: names in the MCP spec's charset, and at most this many server/tool pairs per process. The rest
// share one series, so a script calling made-up names cannot grow every scrape without end.
const MAX_TOOL_LABELS = 1_000;
const TOOL_NAME = /^[A-Za-z0-9_./-]{1,128}$/;
export const OTHER_TOOL_LABEL = "_other";

const globalForLabels = globalThis as typeof globalThis & { orbitMetricToolLabels?: Set<string> };

/**
 * Feeds one callTool outcome to the metrics: requests by source/server/tool/status, latency, cache hits. Every
 * caller's `record` passes its outcomes here, next to its own request-log write. Never throws.
 */
export function observeToolCall(outcome: ToolCallOutcome): void {
  recordMetric((metrics) => {
    const labels = {
      source: outcome.caller.kind,
      server: outcome.slug,
      tool: toolLabel(outcome.slug, outcome.tool),
    };
    metrics.requests.inc({ ...labels, status: statusLabel(outcome) });
    metrics.requestDuration.observe(labels, outcome.latencyMs / 1000);
    if (outcome.cached) metrics.cacheHits.inc(labels);
  });
}

/** `ok`, `tool_error` (the tool answered isError), or the AppError code: a closed set, like the error table. */
function statusLabel(outcome: ToolCallOutcome): string {
  if (outcome.ok) return outcome.toolError ? "tool_error" : "ok";
  return outcome.errorCode ?? "internal";
}

function toolLabel(server: string, tool: string): string {
  globalForLabels.orbitMetricToolLabels ??= new Set();
  const seen = globalForLabels.orbitMetricToolLabels;
  const key = `${server}/${tool}`;
  if (seen.has(key)) return tool;
  if (seen.size >= MAX_TOOL_LABELS || !TOOL_NAME.test(tool)) return OTHER_TOOL_LABEL;
  seen.add(key);
  return tool;
}
