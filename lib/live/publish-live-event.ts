import { log } from "@/lib/telemetry/log";
import { getLiveLog } from "./get-live-log";
import type { LiveEventInput } from "./live-event";

let failing = false;

/**
 * Adds an event to the live log without making the caller wait or fail: the live log is a view, and a request or a
 * heal must never suffer because Redis is slow or down. A failure is logged once per outage. `onlyWhenWatched` is
 * for events as frequent as requests: they cost a Redis write only while someone has the live log open (or had it
 * in the last 2 minutes, long enough for any reconnect to resume without a gap).
 */
export function publishLiveEvent(input: LiveEventInput, options: { onlyWhenWatched?: boolean } = {}): void {
  let pending: Promise<unknown>;
  try {
    const liveLog = getLiveLog();
    if (options.onlyWhenWatched && !liveLog.isWatched()) return;
    pending = liveLog.append({ ...input, message: input.message.slice(0, 500) });
  } catch (error) {
    pending = Promise.reject(error);
  }
  pending.then(
    () => {
      failing = false;
    },
    (error: unknown) => {
      if (!failing) log.warn("live event not published", { kind: input.kind, error: String(error) });
      failing = true;
    },
  );
}
