import { BEARER, REDACTED, SECRET_KEY } from "@/lib/telemetry/redact-secrets";

// For JSON text too large to parse on the request path: blanks `"<secret-looking key>": <scalar>` pairs and bearer
// tokens in place. A secret key whose value is an object or array keeps its contents, so callers should only use
// this on text that is about to be cut to a few KiB anyway.
const PAIR = /("((?:[^"\\]|\\.){0,200})"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g;

export function redactJsonText(text: string): string {
  return text
    .replace(PAIR, (whole, prefix: string, key: string) =>
      SECRET_KEY.test(key) ? `${prefix}"${REDACTED}"` : whole,
    )
    .replace(BEARER, `$1 ${REDACTED}`);
}
