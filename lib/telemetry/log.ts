import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/telemetry/request-context";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Orbit's operational log: one JSON object per line (`time`, `level`, `msg`, `requestId` when the line belongs to a
 * request, then the fields), which any log shipper can parse without a pattern. Errors among the fields keep their
 * stack and causes, here and only here: clients get the error envelope, the log gets the why. Lines below
 * ORBIT_LOG_LEVEL are dropped. Never throws.
 */
export const log = {
  debug: (msg: string, fields?: LogFields) => write("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
};

function write(level: LogLevel, msg: string, fields: LogFields = {}): void {
  if (rank[level] < rank[threshold()]) return;
  let line: string;
  try {
    const requestId = fields.requestId ?? currentRequestId();
    const entry: LogFields = { time: new Date().toISOString(), level, msg };
    if (requestId !== undefined) entry.requestId = requestId;
    for (const [key, value] of Object.entries(fields)) {
      if (key !== "requestId" && value !== undefined) entry[key] = serialize(value, 0);
    }
    line = JSON.stringify(entry);
  } catch (error) {
    line = JSON.stringify({ time: new Date().toISOString(), level, msg, logError: String(error) });
  }
  // stderr for problems, stdout for the rest, as the console conventions (and process supervisors) expect.
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

// Errors do not survive JSON.stringify (their fields are not enumerable); causes can nest, so the walk is bounded.
function serialize(value: unknown, depth: number): unknown {
  if (!(value instanceof Error)) return typeof value === "bigint" ? String(value) : value;
  const error: LogFields = { name: value.name, message: value.message };
  const code = (value as { code?: unknown }).code;
  if (code !== undefined) error.code = code;
  if (value.stack) error.stack = value.stack;
  if (value.cause !== undefined && depth < 3) error.cause = serialize(value.cause, depth + 1);
  return error;
}

let level: LogLevel | undefined;

// Read once the environment parses. Before that (the worker's first lines, while the embedded database is being
// prepared) and in a process whose environment never does, lines are kept from info up.
function threshold(): LogLevel {
  if (level) return level;
  try {
    level = getEnv().ORBIT_LOG_LEVEL;
    return level;
  } catch {
    return "info";
  }
}
