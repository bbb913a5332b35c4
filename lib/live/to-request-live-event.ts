import type { LiveEventInput, LiveLevel } from "./live-event";

const FAILED = new Set(["failed", "dead", "rejected", "error"]);
const WARNING = new Set(["tool_error", "retrying", "unrouted"]);

/** A request-log row as one live-log line: who, what, how it ended; never a body (those stay in the history). */
export function toRequestLiveEvent(row: {
  requestId: string;
  source: string;
  serverSlug?: string | null;
  tool?: string | null;
  status: string;
  errorCode?: string | null;
  latencyMs: number;
  attempts?: number;
  cached?: boolean;
}): LiveEventInput {
  const level: LiveLevel = FAILED.has(row.status) ? "error" : WARNING.has(row.status) ? "warn" : "info";
  const target = row.tool ? `${row.serverSlug ?? "?"}/${row.tool}` : (row.serverSlug ?? null);
  const latency = Number.isFinite(row.latencyMs) ? Math.round(row.latencyMs) : 0;
  return {
    kind: level === "error" ? "error" : "request",
    level,
    server: row.serverSlug ?? null,
    message: [
      row.source,
      target,
      row.status,
      row.errorCode ? `(${row.errorCode})` : null,
      `${latency} ms`,
      row.cached ? "cached" : null,
    ]
      .filter(Boolean)
      .join(" "),
    data: {
      requestId: row.requestId,
      status: row.status,
      latencyMs: latency,
      attempts: row.attempts ?? 0,
      cached: row.cached === true,
    },
  };
}
