import { getRedis } from "@/lib/redis/get-redis";
import { createLiveLog, type LiveLog } from "./create-live-log";

// On globalThis so Next.js dev reloads keep one buffer (and one set of waiting readers) per process.
const globalForLive = globalThis as typeof globalThis & { orbitLiveLog?: LiveLog };

/** The process-wide live log: the `orbit:live` stream (about 10,000 events kept), or in-process without Redis. */
export function getLiveLog(): LiveLog {
  globalForLive.orbitLiveLog ??= createLiveLog({ redis: getRedis(), key: "orbit:live", maxLen: 10_000 });
  return globalForLive.orbitLiveLog;
}
