import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import type { Prisma } from "@/lib/db/generated/client";
import { type DbTx, getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { aliasTakenError } from "./alias-taken-error";
import { applyHeaderChanges } from "./apply-header-changes";
import { openHeaders } from "./open-headers";
import { publishServerListsChanged } from "./publish-server-lists-changed";
import { sealHeaders } from "./seal-headers";
import {
  type ParsedUpdateServerInput,
  type UpdateServerInput,
  updateServerInput,
} from "./server-input-schema";
import { slugTakenError } from "./slug-taken-error";
import { type ServerView, serverViewInclude, toServerView } from "./to-server-view";

/**
 * Edits a server; fields left out keep their value (headers row by row, see updateServerInput). Endpoints are
 * matched by URL so an endpoint that stays keeps its id. Tools are not touched: refresh them separately.
 */
export async function updateServer(options: {
  actor: Actor;
  serverId: string;
  input: UpdateServerInput;
  ip?: string;
}): Promise<ServerView> {
  assertRole(options.actor, "operator");
  const input = updateServerInput.parse(options.input);
  try {
    const view = await getPrisma().$transaction(async (tx) => {
      const before = await tx.server.findUnique({
        where: { id: options.serverId },
        include: { endpoints: { orderBy: { position: "asc" } } },
      });
      if (!before) throw new AppError("not_found", "No such server.");
      if (input.slug !== undefined && input.slug !== before.slug) {
        const taken = await tx.server.findUnique({ where: { slug: input.slug }, select: { id: true } });
        if (taken) throw slugTakenError(input.slug);
      }
      if (input.alias !== undefined && input.alias !== before.alias) {
        const taken = await tx.server.findUnique({ where: { alias: input.alias }, select: { id: true } });
        if (taken) throw aliasTakenError(input.alias);
      }

      const data: Prisma.ServerUpdateInput = {
        name: input.name,
        slug: input.slug,
        // The slug and the alias are independent: renaming the slug keeps the federated names.
        alias: input.alias,
        transport: input.transport,
        timeoutMs: input.timeoutMs,
        enabled: input.enabled,
        tags: input.tags,
      };
      let headerChanges: { set: string[]; removed: string[] } | undefined;
      if (input.headers) {
        const next = applyHeaderChanges(openHeaders(before.headersEncrypted), input.headers);
        Object.assign(data, sealHeaders(next));
        headerChanges = {
          set: input.headers.filter((h) => !h.remove && h.value !== "").map((h) => h.name),
          removed: input.headers.filter((h) => h.remove).map((h) => h.name),
        };
      }
      if (input.endpoints) await replaceEndpoints(tx, before.id, before.endpoints, input.endpoints);

      const after = await tx.server.update({ where: { id: before.id }, data, include: serverViewInclude });
      await recordAudit(tx, {
        actor: options.actor,
        action: "server.update",
        targetType: "server",
        targetId: after.id,
        details: {
          slug: after.slug,
          changes: scalarChanges(before, input),
          ...(input.endpoints ? { endpoints: input.endpoints.map((e) => e.url) } : {}),
          ...(headerChanges ? { headers: headerChanges } : {}),
        },
        ip: options.ip,
      });
      return toServerView(after);
    });
    // Endpoints, alias, enabled or scope may have changed what it contributes to the federated lists.
    await publishServerListsChanged(view);
    return view;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002" && (input.slug || input.alias)) {
      const slugTaken =
        input.slug &&
        (await getPrisma().server.findFirst({
          where: { slug: input.slug, id: { not: options.serverId } },
          select: { id: true },
        }));
      if (slugTaken || !input.alias) throw slugTakenError(input.slug ?? "", error);
      throw aliasTakenError(input.alias, error);
    }
    throw error;
  } finally {
    // The gateway reads servers through a short-lived cache; this instance sees the change with its next request.
    forgetLookups("servers");
  }
}

async function replaceEndpoints(
  tx: DbTx,
  serverId: string,
  stored: { id: string; url: string }[],
  wanted: NonNullable<ParsedUpdateServerInput["endpoints"]>,
): Promise<void> {
  const wantedUrls = new Set(wanted.map((e) => e.url));
  const gone = stored.filter((e) => !wantedUrls.has(e.url)).map((e) => e.id);
  if (gone.length > 0) await tx.serverEndpoint.deleteMany({ where: { id: { in: gone } } });
  for (const [position, endpoint] of wanted.entries()) {
    await tx.serverEndpoint.upsert({
      where: { serverId_url: { serverId, url: endpoint.url } },
      create: { serverId, url: endpoint.url, weight: endpoint.weight, position },
      update: { weight: endpoint.weight, position },
    });
  }
}

const scalarFields = ["name", "slug", "alias", "transport", "timeoutMs", "enabled", "tags"] as const;

/** Before/after of the plain fields that actually changed, for the audit trail. */
function scalarChanges(
  before: Pick<ServerView, (typeof scalarFields)[number]>,
  input: ParsedUpdateServerInput,
): Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> {
  const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> = {};
  for (const field of scalarFields) {
    const to = input[field];
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[field])) {
      changes[field] = { from: before[field], to };
    }
  }
  return changes;
}
