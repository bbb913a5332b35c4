import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/get-config";
import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";
import { inspectServer } from "@/lib/mcp/inspect-server";
import { aliasTakenError } from "./alias-taken-error";
import { publishServerListsChanged } from "./publish-server-lists-changed";
import { sealHeaders } from "./seal-headers";
import { type CreateServerInput, createServerInput } from "./server-input-schema";
import { slugTakenError } from "./slug-taken-error";
import { syncServerTools } from "./sync-server-tools";
import { type ServerView, serverViewInclude, toServerView, toStoredServerInfo } from "./to-server-view";

/**
 * Registers an upstream MCP server. With `fetchTools`, the server is inspected first (first endpoint) and saved
 * together with its tools only if that succeeds, so an unreachable or non-MCP URL saves nothing. Its alias (the
 * prefix of its federated names) is the slug unless given, and is set here once: nothing changes it afterwards but
 * an explicit edit, so registering or removing other servers never renames this one's tools.
 */
export async function createServer(options: {
  actor: Actor;
  input: CreateServerInput;
  fetchTools?: boolean;
  ip?: string;
}): Promise<ServerView> {
  assertRole(options.actor, "operator");
  const parsed = createServerInput.parse(options.input);
  // Registered without a timeout (the CLI without --timeout): the configured default (Settings), not a constant.
  const input =
    options.input.timeoutMs === undefined
      ? { ...parsed, timeoutMs: (await getConfig()).settings.toolCalls.timeoutMs }
      : parsed;
  const prisma = getPrisma();
  // Checked before the (slow) inspection so a taken slug fails fast; the unique index still decides races below.
  const taken = await prisma.server.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) throw slugTakenError(input.slug);
  // A slug can be free while the alias it would give is not: another server was renamed and kept its alias.
  const aliasTaken = await prisma.server.findUnique({ where: { alias: input.alias }, select: { id: true } });
  if (aliasTaken) throw aliasTakenError(input.alias);

  const headers = Object.fromEntries(input.headers.map((h) => [h.name, h.value]));
  const inspection = options.fetchTools
    ? await inspectServer({
        url: input.endpoints[0]!.url,
        transport: input.transport,
        headers,
        timeoutMs: input.timeoutMs,
      })
    : undefined;

  try {
    const view = await prisma.$transaction(async (tx) => {
      const server = await tx.server.create({
        data: {
          slug: input.slug,
          alias: input.alias,
          name: input.name,
          transport: input.transport,
          ...sealHeaders(headers),
          timeoutMs: input.timeoutMs,
          enabled: input.enabled,
          tags: input.tags,
          serverInfo: inspection ? (toStoredServerInfo(inspection) as Prisma.InputJsonObject) : undefined,
          lastCheckedAt: inspection ? new Date() : undefined,
          endpoints: {
            create: input.endpoints.map((endpoint, position) => ({ ...endpoint, position })),
          },
        },
      });
      const tools = inspection
        ? await syncServerTools(tx, { serverId: server.id, tools: inspection.tools, actor: options.actor })
        : null;
      await recordAudit(tx, {
        actor: options.actor,
        action: "server.create",
        targetType: "server",
        targetId: server.id,
        details: {
          slug: server.slug,
          name: server.name,
          transport: server.transport,
          endpoints: input.endpoints.map((e) => e.url),
          headerNames: server.headerNames,
          ...(tools ? { toolsAdded: tools.added } : {}),
        },
        ip: options.ip,
      });
      return toServerView(
        await tx.server.findUniqueOrThrow({ where: { id: server.id }, include: serverViewInclude }),
      );
    });
    // Its tools, prompts and resources joined the federated lists.
    await publishServerListsChanged(view);
    return view;
  } catch (error) {
    // Two operators registering the same slug at once: the unique index decides, the loser gets a clear answer.
    if ((error as { code?: string }).code === "P2002") {
      const slugTaken = await prisma.server.findUnique({ where: { slug: input.slug }, select: { id: true } });
      throw slugTaken ? slugTakenError(input.slug, error) : aliasTakenError(input.alias, error);
    }
    throw error;
  }
}
