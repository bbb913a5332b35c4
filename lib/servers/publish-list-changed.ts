import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { log } from "@/lib/telemetry/log";

export const LIST_CHANGED_TOPIC = "mcp.list_changed";

/** A server's tools, prompts or resources changed: federated sessions of keys that may use it are told so. */
export type ListChangedEvent = {
  serverId: string;
  slug: string;
  list: "tools" | "prompts" | "resources";
};

/**
 * Tells every instance that a server's list changed (tools: once the registry holds the new list). Never throws:
 * a lost notification only delays what clients see until their next list.
 */
export async function publishListChanged(event: ListChangedEvent): Promise<void> {
  try {
    await getEventFanout().publish(LIST_CHANGED_TOPIC, event);
  } catch (error) {
    log.warn("list change not published", { ...event, error: String(error) });
  }
}
