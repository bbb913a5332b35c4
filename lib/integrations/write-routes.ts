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
    const data = {
      position,
      name: route.name,
      enabled: route.enabled,
      isFallback: route.isFallback,
      match: route.match as Prisma.InputJsonObject,
      actionType: route.actionType,
      serverId: route.serverId,
      toolName: route.toolName,
      argumentsMapping: route.argumentsMapping,
      fallbackServerId: route.fallbackServerId ?? null,
      // What lib/webhooks/processing/start-delivery-job.ts reads.
      jobConfig:
        route.actionType === "start_job" && route.playbook ? { playbook: route.playbook } : Prisma.DbNull,
    };
    if (route.id && kept.has(route.id)) {
      await db.integrationRoute.update({ where: { id: route.id }, data });
    } else {
      await db.integrationRoute.create({ data: { ...data, integrationId } });
    }
  }
}
