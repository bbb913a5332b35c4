// Headers worth keeping with a stored delivery: what describes the event (type, id, timestamp, sender), never what
// proves it (signatures, shared secrets, credentials). An allowlist, so a header a platform adds later is dropped
// until someone decides it is safe, rather than stored until someone notices it is a secret.
const KEPT = new Set([
  "content-type",
  "user-agent",
  "x-github-event",
  "x-github-delivery",
  "x-github-hook-id",
  "x-github-hook-installation-target-id",
  "x-github-hook-installation-target-type",
  "webhook-id",
  "webhook-timestamp",
]);

/**
 * The subset of request headers stored with a delivery. `extra` adds the integration's configured id and event-type
 * headers; `secretHeaders` (the configured secret or signature header) are removed even if listed.
 */
export function pickDeliveryHeaders(
  headers: Headers,
  options: { extra?: (string | undefined)[]; secretHeaders?: (string | undefined)[] } = {},
): Record<string, string> {
  const kept = new Set(KEPT);
  for (const name of options.extra ?? []) if (name) kept.add(name.toLowerCase());
  for (const name of options.secretHeaders ?? []) if (name) kept.delete(name.toLowerCase());
  const picked: Record<string, string> = {};
  for (const [name, value] of headers) if (kept.has(name)) picked[name] = value;
  return picked;
}
