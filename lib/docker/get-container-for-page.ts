import { type Actor, assertRole } from "@/lib/auth/roles";
import type { Container } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { getContainerOrThrow } from "./get-container-or-throw";
import type { ContainerEventView } from "./list-containers";

export type ContainerPage = {
  container: Container;
  /** Newest first: everything the engine, the healer and operators did. */
  events: ContainerEventView[];
  /** Newest first: the healer's plans, restarts and alerts, and operators' actions through Orbit. */
  heals: ContainerEventView[];
  server: { id: string; slug: string; name: string; enabled: boolean } | null;
};

const select = { id: true, at: true, source: true, kind: true, level: true, message: true } as const;

/** One container's page: its stored state, history and the MCP server it is linked to (if registered). */
export async function getContainerForPage(options: {
  actor: Actor;
  containerId: string;
  limit?: number;
}): Promise<ContainerPage> {
  assertRole(options.actor, "viewer");
  const prisma = getPrisma();
  const container = await getContainerOrThrow(options.containerId);
  const take = options.limit ?? 200;
  const [events, heals, server] = await Promise.all([
    prisma.containerEvent.findMany({
      where: { containerId: container.id },
      orderBy: { at: "desc" },
      take,
      select,
    }),
    prisma.containerEvent.findMany({
      where: { containerId: container.id, source: { in: ["healer", "operator"] } },
      orderBy: { at: "desc" },
      take,
      select,
    }),
    container.serverSlug
      ? prisma.server.findUnique({
          where: { slug: container.serverSlug },
          select: { id: true, slug: true, name: true, enabled: true },
        })
      : null,
  ]);
  return { container, events, heals, server };
}
