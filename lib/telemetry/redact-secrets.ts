// Request-log bodies are read by every admin and kept for weeks, so credentials that arrive inside payloads or
// headers are blanked before anything is stored. Redaction runs on the whole value, before truncation, so a secret
// that straddles the cut cannot leak its first half.

export const SECRET_KEY = /authorization|token|secret|password|api[-_]?key|signature|cookie/i;
// "Bearer <token>" anywhere in a string (a header copied into a payload, an error message quoting a request).
export const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const MAX_DEPTH = 32;

export const REDACTED = "[redacted]";

/** A copy of `value` with secret-looking keys and bearer tokens replaced; the input is not modified. */
export function redactSecrets(value: unknown): unknown {
  return redact(value, 0, new WeakSet());
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return value.replace(BEARER, `$1 ${REDACTED}`);
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1, seen) };
    // Headers, Map and friends serialize to {} with JSON.stringify; their entries are what a reader needs.
    if (value instanceof Headers || value instanceof Map) {
      return redact(Object.fromEntries(value.entries()), depth, seen);
    }
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
      return redact((value as { toJSON: () => unknown }).toJSON(), depth, seen);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
