import type { DbTx } from "@/lib/db/get-prisma";
import type { ParsedRouteInput } from "./integration-input-schema";
import { type InputIssue, integrationInputError, routeLabel } from "./parse-integration-input";

/**
 * Every server a route names must be registered. The UI sends ids; a hand-written integration file (the CLI) may name
 * servers by slug, which survives a re-registration and reads better. Returns the routes with ids; the error names the
 * route, like the schema's own.
 */
export async function resolveRouteServers(db: DbTx, routes: ParsedRouteInput[]): Promise<ParsedRouteInput[]> {
  const refs = [...new Set(routes.flatMap((r) => [r.serverId ?? [], r.fallbackServerId ?? []].flat()))];
  if (refs.length === 0) return routes;
  const found = await db.server.findMany({
    where: { OR: [{ id: { in: refs } }, { slug: { in: refs } }] },
    select: { id: true, slug: true },
  });
  // An id wins over a slug that happens to spell another server's id.
  const byRef = new Map<string, string>();
  for (const server of found) if (!byRef.has(server.slug)) byRef.set(server.slug, server.id);
  for (const server of found) byRef.set(server.id, server.id);

  const issues: InputIssue[] = [];
  const resolved = routes.map((route, index) => {
    const ids: Partial<Record<"serverId" | "fallbackServerId", string>> = {};
    for (const field of ["serverId", "fallbackServerId"] as const) {
      const ref = route[field];
      if (!ref) continue;
      const id = byRef.get(ref);
      if (id) ids[field] = id;
      else {
        const what = field === "serverId" ? "server" : "fallback server";
        issues.push({
          path: `routes.${index}.${field}`,
          message: `${routeLabel(routes, index)}: the ${what} ${ref} does not exist; choose a registered server`,
        });
      }
    }
    return { ...route, ...ids };
  });
  if (issues.length > 0) throw integrationInputError(issues);
  return resolved;
}
