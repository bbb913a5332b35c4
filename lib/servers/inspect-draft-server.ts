import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { ConnectUpstreamOptions } from "@/lib/mcp/connect-upstream";
import { inspectServer, type ServerInspection } from "@/lib/mcp/inspect-server";
import { applyHeaderChanges } from "./apply-header-changes";
import { openHeaders } from "./open-headers";
import {
  type DraftServerInput,
  draftServerInput,
  type UpdateServerInput,
  updateServerInput,
} from "./server-input-schema";

/**
 * "Test before saving": inspects the first endpoint of a server form that has not been saved. For a new server
 * pass the form as `input`; for unsaved edits of a stored one also pass `serverId`, and the edit is laid over the
 * stored server (so blank header values mean the stored ones, as they will on save). Nothing is written.
 */
export async function inspectDraftServer(
  options:
    | { actor: Actor; input: DraftServerInput; serverId?: undefined }
    | { actor: Actor; input: UpdateServerInput; serverId: string },
): Promise<ServerInspection> {
  // Operator-only: it makes Orbit send requests to a URL of the caller's choosing, with stored credentials for edits.
  assertRole(options.actor, "operator");
  return inspectServer(
    options.serverId === undefined
      ? fromDraft(options.input)
      : await fromEdit(options.serverId, options.input),
  );
}

function fromDraft(raw: DraftServerInput): ConnectUpstreamOptions {
  const input = draftServerInput.parse(raw);
  return {
    url: input.endpoints[0]!.url,
    transport: input.transport,
    headers: Object.fromEntries(input.headers.map((h) => [h.name, h.value])),
    timeoutMs: input.timeoutMs,
  };
}

async function fromEdit(serverId: string, raw: UpdateServerInput): Promise<ConnectUpstreamOptions> {
  const input = updateServerInput.parse(raw);
  const stored = await getPrisma().server.findUnique({
    where: { id: serverId },
    include: { endpoints: { orderBy: { position: "asc" } } },
  });
  if (!stored) throw new AppError("not_found", "No such server.");
  const url = input.endpoints?.[0]?.url ?? stored.endpoints[0]?.url;
  if (!url) throw new AppError("unprocessable", "This server has no endpoint to connect to.");
  const headers = openHeaders(stored.headersEncrypted);
  return {
    url,
    transport: input.transport ?? stored.transport,
    headers: input.headers ? applyHeaderChanges(headers, input.headers) : headers,
    timeoutMs: input.timeoutMs ?? stored.timeoutMs,
  };
}
