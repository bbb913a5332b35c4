import { log } from "@/lib/telemetry/log";
import { recordMetric } from "@/lib/telemetry/record-metric";

// Rejected webhooks are not stored (the issue: "nothing stored beyond a rejection counter"), so the metric, this
// in-process count and one log line are all that remain of them. The metric is labelled by reason only: the log line
// names the integration, and a label per integration would leave a series behind for every integration ever deleted.
// The per-integration count here is per instance and resets with the process; tests and the log read it.

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
  recordMetric((metrics) => metrics.webhookRejections.inc({ reason: entry.reason }));
  // A missing or unreadable secret is the operator's problem, not the sender's: say so louder.
  const level = entry.reason === "missing_secret" ? "error" : "warn";
  log[level]("webhook rejected", { ...entry, count });
  return count;
}

/** Rejections so far for one integration and reason, in this process. */
countWebhookRejection.read = (integrationId: string, reason: string): number =>
  counts.get(`${integrationId}:${reason}`) ?? 0;
