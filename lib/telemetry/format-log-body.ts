import { redactJsonText } from "@/lib/telemetry/redact-json-text";
import { redactSecrets } from "@/lib/telemetry/redact-secrets";
import { truncateBody } from "@/lib/telemetry/truncate-body";

// A raw body handed over as a string is parsed first when it is JSON, so keys such as "token" are found in it.
// Past PARSE_LIMIT, parsing costs more than the few milliseconds a log row may take: only the head is kept, redacted
// as text, before the 4 KiB cut.
const PARSE_LIMIT = 256 * 1024;
const HEAD_CHARS = 64 * 1024;

/** The stored form of a request or response body: JSON text, secrets redacted, then cut to 4 KiB. Null stays null. */
export function formatLogBody(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  try {
    if (typeof body === "string" && body.length > PARSE_LIMIT) {
      const head = body.slice(0, HEAD_CHARS);
      const omitted = Buffer.byteLength(body, "utf8") - Buffer.byteLength(head, "utf8");
      return truncateBody(withoutNul(redactJsonText(head)), undefined, omitted);
    }
    let value = body;
    if (typeof body === "string" && /^\s*[[{]/.test(body)) {
      try {
        value = JSON.parse(body);
      } catch {
        // Not JSON after all: logged as text.
      }
    }
    const redacted = redactSecrets(value);
    const text = typeof redacted === "string" ? redacted : (JSON.stringify(redacted) ?? String(redacted));
    return truncateBody(withoutNul(text));
  } catch {
    return "[body could not be serialized]";
  }
}

/** Postgres text cannot hold NUL, and one such row would fail its whole batch. */
function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "\\u0000");
}
