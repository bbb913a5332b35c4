import type { DbTx } from "@/lib/db/get-prisma";
import type { ParsedRouteInput } from "./integration-input-schema";
import { type InputIssue, integrationInputError, routeLabel } from "./parse-integration-input";

/** Every server a route names must be registered; the error names the route, like the schema's own. */
export async function checkRouteServers(db: DbTx, routes: ParsedRouteInput[]): Promise<void> {
  const ids = [...new Set(routes.flatMap((r) => [r.serverId, r.fallbackServerId ?? []].flat()))];
  if (ids.length === 0) return;
  const found = await db.server.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((s) => s.id));
  const issues: InputIssue[] = [];
  routes.forEach((route, index) => {
    for (const field of ["serverId", "fallbackServerId"] as const) {
      const id = route[field];
      if (id && !known.has(id)) {
        const what = field === "serverId" ? "server" : "fallback server";
        issues.push({
          path: `routes.${index}.${field}`,
          message: `${routeLabel(routes, index)}: the ${what} ${id} does not exist; choose a registered server`,
        });
      }
    }
  });
  if (issues.length > 0) throw integrationInputError(issues);
}
