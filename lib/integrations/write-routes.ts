import { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import type { ParsedRouteInput } from "./integration-input-schema";

/**
 * Makes an integration's routes exactly `routes`, in order. A route given with the id of one of this integration's
 * routes is updated in place, so deliveries that name it still do; the others are deleted and the rest created.
 */
export async function writeRoutes(
  db: DbTx,
  integrationId: string,
  routes: ParsedRouteInput[],
): Promise<void> {
  const stored = await db.integrationRoute.findMany({ where: { integrationId }, select: { id: true } });
  const storedIds = new Set(stored.map((r) => r.id));
  const kept = new Set(routes.map((r) => r.id).filter((id): id is string => !!id && storedIds.has(id)));
  const gone = [...storedIds].filter((id) => !kept.has(id));
  if (gone.length > 0) await db.integrationRoute.deleteMany({ where: { id: { in: gone } } });
  for (const [position, route] of routes.entries()) {
    const callsTool = route.actionType === "call_tool";
    const data = {
      position,
      name: route.name,
      enabled: route.enabled,
      isFallback: route.isFallback,
      match: route.match as Prisma.InputJsonObject,
      actionType: route.actionType,
      // A job route keeps no tool target: its job picks its own tools, and a stale server would mislead the list.
      serverId: callsTool ? (route.serverId ?? null) : null,
      toolName: callsTool ? (route.toolName ?? null) : null,
      argumentsMapping: callsTool ? route.argumentsMapping : null,
      fallbackServerId: callsTool ? (route.fallbackServerId ?? null) : null,
      jobConfig: toJobConfig(route),
    };
    if (route.id && kept.has(route.id)) {
      await db.integrationRoute.update({ where: { id: route.id }, data });
    } else {
      await db.integrationRoute.create({ data: { ...data, integrationId } });
    }
  }
}

// What lib/webhooks/processing/start-delivery-job.ts reads; the schema has made sure exactly one is named.
function toJobConfig(route: ParsedRouteInput): Prisma.InputJsonObject | typeof Prisma.DbNull {
  if (route.actionType !== "start_job") return Prisma.DbNull;
  if (route.agent) return { agent: route.agent };
  if (route.playbook) return { playbook: route.playbook };
  return Prisma.DbNull;
}
