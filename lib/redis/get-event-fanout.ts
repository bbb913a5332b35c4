import { getRedis } from "@/lib/redis/get-redis";
import { createEventFanout, type EventFanout } from "./create-event-fanout";

// On globalThis so Next.js dev reloads keep one poller instead of starting one per reload.
const globalForEvents = globalThis as typeof globalThis & { orbitEventFanout?: EventFanout };

/** The process-wide live-event fan-out (createEventFanout over the `orbit:events` stream, or in-process). */
export function getEventFanout(): EventFanout {
  globalForEvents.orbitEventFanout ??= createEventFanout({ redis: getRedis(), key: "orbit:events" });
  return globalForEvents.orbitEventFanout;
}
