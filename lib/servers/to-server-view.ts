import type { Prisma } from "@/lib/db/generated/client";
import type { ServerInspection } from "@/lib/mcp/inspect-server";

/** What Orbit keeps of a server's self-description from the last successful inspection. */
export type StoredServerInfo = ServerInspection["serverInfo"] &
  Pick<ServerInspection, "protocolVersion" | "transport" | "capabilities" | "instructions">;

export type ServerView = {
  id: string;
  slug: string;
  /** The prefix of its names on the federated endpoint: `<alias>__<tool>`. */
  alias: string;
  name: string;
  transport: "streamable_http" | "sse";
  endpoints: { id: string; url: string; weight: number; position: number }[];
  /** Names only: values are secrets and never leave the data layer. */
  headerNames: string[];
  timeoutMs: number;
  enabled: boolean;
  tags: string[];
  serverInfo: StoredServerInfo | null;
  lastCheckedAt: Date | null;
  toolCount: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Pass as `include` to any server query whose result goes through toServerView. */
export const serverViewInclude = {
  endpoints: { orderBy: { position: "asc" } },
  _count: { select: { tools: { where: { deletedAt: null } } } },
} satisfies Prisma.ServerInclude;

type ServerRecord = Prisma.ServerGetPayload<{ include: typeof serverViewInclude }>;

/** The shape of a server that may leave the data layer: never header values or their envelope. */
export function toServerView(server: ServerRecord): ServerView {
  return {
    id: server.id,
    slug: server.slug,
    alias: server.alias,
    name: server.name,
    transport: server.transport,
    endpoints: server.endpoints.map(({ id, url, weight, position }) => ({ id, url, weight, position })),
    headerNames: server.headerNames,
    timeoutMs: server.timeoutMs,
    enabled: server.enabled,
    tags: server.tags,
    serverInfo: (server.serverInfo as StoredServerInfo | null) ?? null,
    lastCheckedAt: server.lastCheckedAt,
    toolCount: server._count.tools,
    createdAt: server.createdAt,
    updatedAt: server.updatedAt,
  };
}

/** The part of an inspection stored in Server.serverInfo. */
export function toStoredServerInfo(inspection: ServerInspection): StoredServerInfo {
  const { serverInfo, protocolVersion, transport, capabilities, instructions } = inspection;
  return {
    ...serverInfo,
    protocolVersion,
    transport,
    capabilities,
    ...(instructions ? { instructions } : {}),
  };
}
