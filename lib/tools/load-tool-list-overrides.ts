import { createLookupCache, LOOKUP_TTL_MS } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";

/** Per tool name: left out of lists (`disabled`), or shown with the operator's description. */
export type ToolListOverrides = Map<string, { disabled: boolean; description: string | null }>;

/**
 * What the passthrough endpoint changes in an upstream's own tools/list answer: the server's disabled tools and
 * description overrides, remembered briefly like every gateway lookup and forgotten with the "tools" group.
 */
export function loadToolListOverrides(serverId: string): Promise<ToolListOverrides> {
  return overridesByServer.get(serverId);
}

const overridesByServer = createLookupCache<string, ToolListOverrides>({
  name: "toolListOverridesByServer",
  groups: ["tools"],
  ttlMs: LOOKUP_TTL_MS,
  load: async (serverId) => {
    const rows = await getPrisma().tool.findMany({
      where: { serverId, OR: [{ enabled: false }, { descriptionOverride: { not: null } }] },
      select: { name: true, enabled: true, descriptionOverride: true },
    });
    return new Map(
      rows.map((row) => [row.name, { disabled: !row.enabled, description: row.descriptionOverride }]),
    );
  },
});
