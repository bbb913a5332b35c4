import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getMetrics } from "@/lib/telemetry/get-metrics";
import { OTHER_TOOL_LABEL, observeToolCall } from "@/lib/telemetry/observe-tool-call";
import type { ToolCallOutcome } from "@/lib/tool-calls/tool-call-types";

// Pure bookkeeping over the process registry: no server, no database.
function outcome(overrides: Partial<ToolCallOutcome>): ToolCallOutcome {
  return {
    serverId: randomUUID(),
    slug: "s",
    tool: "echo",
    caller: { kind: "webhook", id: randomUUID() },
    ok: true,
    toolError: false,
    errorCode: null,
    errorMessage: null,
    attempts: 1,
    cached: false,
    replicaUrl: "http://127.0.0.1:1/mcp?token=secret",
    servedBy: "primary",
    latencyMs: 12,
    startedAt: new Date(),
    timings: { attempts: [] },
    ...overrides,
  };
}

async function countFor(labels: Record<string, string>): Promise<number> {
  const metric = await getMetrics().requests.get();
  return metric.values
    .filter((v) =>
      Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value),
    )
    .reduce((sum, v) => sum + v.value, 0);
}

describe("observeToolCall", () => {
  it("labels by source, server, tool and a status from a closed set, never by ids or URLs", async () => {
    const server = `s-${randomUUID()}`;
    observeToolCall(outcome({ slug: server }));
    observeToolCall(outcome({ slug: server, toolError: true }));
    observeToolCall(outcome({ slug: server, ok: false, errorCode: "upstream_timeout" }));
    observeToolCall(outcome({ slug: server, cached: true, caller: { kind: "rest", id: "key" } }));

    expect(await countFor({ server, source: "webhook", status: "ok" })).toBe(1);
    expect(await countFor({ server, status: "tool_error" })).toBe(1);
    expect(await countFor({ server, status: "upstream_timeout" })).toBe(1);
    expect(await countFor({ server, source: "rest", status: "ok" })).toBe(1);
    const hits = await getMetrics().cacheHits.get();
    expect(hits.values.filter((v) => v.labels.server === server)).toEqual([
      expect.objectContaining({ value: 1, labels: { source: "rest", server, tool: "echo" } }),
    ]);

    const text = await getMetrics().registry.metrics();
    expect(text).not.toContain("token=secret");
    expect(text).not.toContain("key");
  });

  it("folds malformed tool names, and new names past the cap, into one series", async () => {
    const server = `s-${randomUUID()}`;
    observeToolCall(outcome({ slug: server, tool: "has space" }));
    observeToolCall(outcome({ slug: server, tool: "x".repeat(129) }));
    expect(await countFor({ server, tool: OTHER_TOOL_LABEL })).toBe(2);

    // A key inventing names cannot add series without end: after the cap, new names share `_other`.
    for (let i = 0; i < 1_000; i++) observeToolCall(outcome({ slug: server, tool: `t${i}` }));
    observeToolCall(outcome({ slug: server, tool: "one-more" }));
    expect(await countFor({ server, tool: "one-more" })).toBe(0);
    // At least: the loop's last names may already have met the cap (earlier tests hold some of its places).
    expect(await countFor({ server, tool: OTHER_TOOL_LABEL })).toBeGreaterThanOrEqual(3);
    // Names already seen keep their own series.
    observeToolCall(outcome({ slug: server, tool: "t0" }));
    expect(await countFor({ server, tool: "t0" })).toBe(2);
  });
});
