import jsonata from "jsonata";
import { findRegexHazard, REGEX_TEXT_LIMIT } from "@/lib/webhooks/routing/find-regex-hazard";

// Route expressions and argument mappings are written by admins but run on every delivery, against payloads an
// outsider controls. JSONata's own guardrails bound the time and recursion of function calls. Regexes inside an
// expression get the same shape check as a route's regex when it is compiled; the regex engine repeats it at run time
// and refuses inputs past the text cap, because one exec cannot be interrupted. `$eval` is switched off since it
// would compile payload-built strings past these checks.

/**
 * Time budget for one evaluation. JSONata checks it on every function call, so it bounds loops and recursion. It is
 * wall-clock time and evaluation is async, so time spent waiting for a busy event loop counts too: 50 ms failed valid
 * two-line mappings as "unprocessable" (a permanent failure) when a worker ran many jobs on loaded cores
 * (bench/jobs). A second still stops a runaway expression, and is far above what any real mapping takes.
 */
export const JSONATA_TIMEOUT_MS = 1_000;

const CACHE_LIMIT = 500;
const cache = new Map<string, jsonata.Expression>();

class GuardedRegExp extends RegExp {
  constructor(pattern: RegExp | string, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    const hazard = findRegexHazard(source);
    if (hazard) throw jsonataError("D9901", `Regex /${source}/ refused: ${hazard}`);
    super(pattern, flags);
  }

  override exec(text: string): RegExpExecArray | null {
    if (text.length > REGEX_TEXT_LIMIT) {
      throw jsonataError(
        "D9902",
        `Regex input is ${text.length} characters; the limit is ${REGEX_TEXT_LIMIT}`,
      );
    }
    return super.exec(text);
  }
}

/**
 * Parses `source` once and reuses the result (compiled expressions are safe to evaluate concurrently). Throws
 * JSONata's error (with `position`) when it does not parse or contains a refused regex.
 */
export function compileJsonata(source: string): jsonata.Expression {
  const cached = cache.get(source);
  if (cached) return cached;
  const expression = jsonata(source, {
    timeout: JSONATA_TIMEOUT_MS,
    stack: 200,
    sequence: 100_000,
    // jsonata only ever calls `new RegexEngine(regex)`; the callable half of RegExpConstructor is never used.
    RegexEngine: GuardedRegExp as unknown as RegExpConstructor,
  });
  checkRegexes(expression.ast());
  expression.assign("eval", () => {
    throw jsonataError("D9903", "$eval is not available in Orbit expressions");
  });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, expression);
  return expression;
}

function checkRegexes(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) checkRegexes(child);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === "regex" && record.value instanceof RegExp) {
    const hazard = findRegexHazard(record.value.source);
    if (hazard) {
      throw jsonataError(
        "D9901",
        `Regex /${record.value.source}/ refused: ${hazard}`,
        Number(record.position),
      );
    }
    return;
  }
  for (const value of Object.values(record)) {
    if (typeof value === "object") checkRegexes(value);
  }
}

function jsonataError(code: string, message: string, position?: number): Error {
  return Object.assign(new Error(message), { code, position });
}
