import { replicaOrigin } from "@/lib/tool-calls/replica-origin";
import type { ToolCallReplica } from "@/lib/tool-calls/tool-call-types";

/**
 * One display name per replica of a server, in the same order: its origin (never path or query, which may hold
 * credentials), with `#2`, `#3` … when replicas share an origin so each stays distinguishable. The REST facade's
 * `backend`, its health listing and the circuit metric all use these, so one replica has one name everywhere.
 */
export function replicaLabels(replicas: Pick<ToolCallReplica, "url">[]): string[] {
  const seen = new Map<string, number>();
  return replicas.map((replica, index) => {
    const origin = replicaOrigin(replica.url) ?? `replica-${index + 1}`;
    const count = (seen.get(origin) ?? 0) + 1;
    seen.set(origin, count);
    return count === 1 ? origin : `${origin}#${count}`;
  });
}
