import { randomUUID } from "node:crypto";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { toRequestLiveEvent } from "@/lib/live/to-request-live-event";
import {
  createRequestLogWriter,
  type RequestLogRow,
  type RequestLogWriter,
} from "@/lib/telemetry/create-request-log-writer";
import { formatLogBody } from "@/lib/telemetry/format-log-body";
import { insertRequestLogRows } from "@/lib/telemetry/insert-request-log-rows";
import { log } from "@/lib/telemetry/log";
import type { RequestTimings } from "@/lib/telemetry/to-request-timings";

export type RequestLogEntry = {
  requestId: string;
  source: "webhook" | "chat" | "rest" | "job" | "gateway";
  integrationId?: string | null;
  deliveryId?: string | null;
  routeId?: string | null;
  serverId?: string | null;
  serverSlug?: string | null;
  tool?: string | null;
  apiKeyId?: string | null;
  status: string;
  errorCode?: string | null;
  latencyMs: number;
  attempts?: number;
  cached?: boolean;
  requestBody?: unknown;
  responseBody?: unknown;
  /** Per-step durations (lib/telemetry/to-request-timings.ts); null when the path measured none. */
  timings?: RequestTimings | null;
};

// One queue per process, on globalThis so Next's module reloads in development do not strand rows in an old copy.
const globalForLog = globalThis as unknown as { orbitRequestLog?: RequestLogWriter };

function getWriter(): RequestLogWriter {
  if (!globalForLog.orbitRequestLog) {
    globalForLog.orbitRequestLog = createRequestLogWriter({
      write: insertRequestLogRows,
      warn: (message) => log.warn(message),
    });
    registerShutdownFlush();
  }
  return globalForLog.orbitRequestLog;
}

/**
 * Queues one request-log row and returns at once: the caller's response never waits for the database. Bodies are
 * redacted and cut to 4 KiB here, so the queue holds no large payloads. Never throws: losing a log row is better
 * than failing the request it describes.
 */
export function recordRequest(entry: RequestLogEntry): void {
  try {
    const row = toRow(entry);
    getWriter().enqueue(row);
    publishLiveEvent(toRequestLiveEvent(row), { onlyWhenWatched: true });
  } catch (error) {
    log.warn("request-log row not recorded", { requestId: entry?.requestId, error: String(error) });
  }
}

/** Writes every queued row. The worker and the launcher await this before closing the database at shutdown. */
export async function flushRequestLog(): Promise<void> {
  await globalForLog.orbitRequestLog?.flush();
}

function toRow(entry: RequestLogEntry): RequestLogRow {
  return {
    // Set here, not by the database, so a batch retried after an ambiguous failure (committed, reply lost) skips the
    // rows already written instead of doubling them.
    id: randomUUID(),
    requestId: text(entry.requestId) ?? "unknown",
    source: entry.source,
    integrationId: text(entry.integrationId),
    deliveryId: text(entry.deliveryId),
    routeId: text(entry.routeId),
    serverId: text(entry.serverId),
    serverSlug: text(entry.serverSlug),
    tool: text(entry.tool),
    apiKeyId: text(entry.apiKeyId),
    status: text(entry.status) ?? "unknown",
    errorCode: text(entry.errorCode),
    // Int columns: a fractional or absurd value would fail the whole batch.
    latencyMs: toInt(entry.latencyMs),
    attempts: toInt(entry.attempts ?? 0),
    cached: entry.cached === true,
    requestBody: formatLogBody(entry.requestBody),
    responseBody: formatLogBody(entry.responseBody),
    timings: entry.timings ?? undefined,
    createdAt: new Date(),
  };
}

function text(value: string | null | undefined): string | null {
  return typeof value === "string" ? value.replaceAll("\u0000", "").slice(0, 500) : null;
}

function toInt(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.round(value), 0), 2_147_483_647) : 0;
}

let hooksRegistered = false;

/**
 * Flushes on the way out without owning the exit: beforeExit covers a natural end, and the signals cover an
 * orderly stop. When no one else listens for a signal, our listener would swallow Node's default "exit on
 * SIGINT/SIGTERM", so after flushing we step aside and re-raise it.
 */
function registerShutdownFlush(): void {
  if (hooksRegistered) return;
  hooksRegistered = true;
  // The production web server (lib/boot/serve-web.mjs) runs these after its last answer and before it exits.
  const globalForHooks = globalThis as unknown as { orbitShutdownHooks?: Set<() => Promise<void>> };
  globalForHooks.orbitShutdownHooks ??= new Set();
  globalForHooks.orbitShutdownHooks.add(flushRequestLog);
  process.on("beforeExit", () => {
    if ((globalForLog.orbitRequestLog?.queued ?? 0) > 0) void flushRequestLog();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const onSignal = () => {
      void flushRequestLog().finally(() => {
        if (process.listenerCount(signal) === 1) {
          process.removeListener(signal, onSignal);
          process.kill(process.pid, signal);
        }
      });
    };
    process.on(signal, onSignal);
  }
}
