import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

export type ContainerEventView = {
  id: string;
  at: Date;
  source: string;
  kind: string;
  level: string;
  message: string | null;
};

export type ContainerListItem = {
  id: string;
  name: string;
  image: string;
  state: string;
  exitCode: number | null;
  health: string | null;
  healEnabled: boolean;
  healState: string;
  restartCount: number;
  serverSlug: string | null;
  nextHealAt: Date | null;
  removedAt: Date | null;
  recentEvents: ContainerEventView[];
};

/** The containers the watcher knows, present ones first by name, each with its last few events. */
export async function listContainers(options: {
  actor: Actor;
  includeRemoved?: boolean;
  recentEvents?: number;
}): Promise<ContainerListItem[]> {
  assertRole(options.actor, "viewer");
  const rows = await getPrisma().container.findMany({
    where: options.includeRemoved ? {} : { removedAt: null },
    orderBy: [{ removedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    take: 500,
    include: {
      events: {
        orderBy: { at: "desc" },
        take: options.recentEvents ?? 3,
        select: { id: true, at: true, source: true, kind: true, level: true, message: true },
      },
    },
  });
  return rows.map(({ events, ...row }) => ({
    id: row.id,
    name: row.name,
    image: row.image,
    state: row.state,
    exitCode: row.exitCode,
    health: row.health,
    healEnabled: row.healEnabled,
    healState: row.healState,
    restartCount: row.restartCount,
    serverSlug: row.serverSlug,
    nextHealAt: row.nextHealAt,
    removedAt: row.removedAt,
    recentEvents: events,
  }));
}
