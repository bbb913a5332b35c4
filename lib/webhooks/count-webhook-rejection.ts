// Rejected webhooks are not stored (the issue: "nothing stored beyond a rejection counter"), so this in-process
// counter and one log line are all that remain of them. It belongs in the metrics registry as
// orbit_webhook_rejections_total{integration,reason} once lib/telemetry exposes one; until then the counts reset
// with the process and are per instance.

const counts = new Map<string, number>();

export function countWebhookRejection(entry: {
  integrationId: string;
  slug: string;
  reason: string;
  requestId: string;
  sourceIp: string;
}): number {
  const key = `${entry.integrationId}:${entry.reason}`;
  const count = (counts.get(key) ?? 0) + 1;
  counts.set(key, count);
  // A missing or unreadable secret is the operator's problem, not the sender's: say so louder.
  const level = entry.reason === "missing_secret" ? "error" : "warn";
  console.warn(JSON.stringify({ level, msg: "webhook rejected", ...entry, count }));
  return count;
}

/** Rejections so far for one integration and reason, in this process. */
countWebhookRejection.read = (integrationId: string, reason: string): number =>
  counts.get(`${integrationId}:${reason}`) ?? 0;
