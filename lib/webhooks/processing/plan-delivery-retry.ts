// ±20 %, as Svix does: deliveries that failed together (an upstream outage) do not all come back in the same second.
const JITTER = 0.2;

/**
 * What follows a failed attempt. `schedule[n]` is the wait in seconds before attempt n+1, so a schedule of length k
 * allows k attempts: after attempt `attempts` the next waits `schedule[attempts]`, and past the end it is dead.
 */
export function planDeliveryRetry(options: {
  attempts: number;
  schedule: number[];
  now: Date;
  random?: () => number;
}): { status: "retrying"; nextAttemptAt: Date } | { status: "dead"; nextAttemptAt: null } {
  const { attempts, schedule, now } = options;
  const waitSeconds = schedule[attempts];
  if (waitSeconds === undefined) return { status: "dead", nextAttemptAt: null };
  const random = options.random ?? Math.random;
  const factor = 1 + (random() * 2 - 1) * JITTER;
  const waitMs = Math.max(0, Math.round(waitSeconds * 1000 * factor));
  return { status: "retrying", nextAttemptAt: new Date(now.getTime() + waitMs) };
}
