import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { log } from "@/lib/telemetry/log";

export const FEDERATED_SESSION_TOPIC = "mcp.federated_session";

/**
 * Something a federated session's open GET stream (on whichever instance holds it) must act on: an upstream session
 * was opened for it (`serverId`: follow that upstream's own stream too), the session ended (close the stream), or
 * the client resumed its stream on an instance (`streamAt`: the others stop listening for it).
 */
export type FederatedSessionEvent = { sessionId: string } & (
  | { serverId: string }
  | { ended: true }
  | { streamAt: string }
);

/** Never throws: without the event a stream only misses what that upstream says outside of tool calls. */
export async function publishFederatedSessionEvent(event: FederatedSessionEvent): Promise<void> {
  try {
    await getEventFanout().publish(FEDERATED_SESSION_TOPIC, event);
  } catch (error) {
    log.warn("federated session event not published", { ...event, error: String(error) });
  }
}
