import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { findFederatedResourceOwners } from "./find-federated-resource-owners";
import { withServerClient } from "./with-server-client";

/**
 * resources/read on /api/mcp: the URI, unchanged, goes to a server whose list contained it (or whose template
 * matches it), from this key's recent listing or, failing that, a fresh one. Owners are tried in turn; the first
 * answer wins, and when all fail the last failure is the answer. Unknown to every server the key may use: not_found.
 */
export async function readFederatedResource(options: {
  principal: ApiKeyPrincipal;
  uri: string;
  signal?: AbortSignal;
}): Promise<ReadResourceResult> {
  const owners = await findFederatedResourceOwners(options);
  if (owners.length === 0) {
    throw new AppError(
      "not_found",
      `Unknown resource "${options.uri}": no server this key may use lists it.`,
    );
  }
  let lastError: unknown;
  for (const server of owners) {
    try {
      return await withServerClient(
        server,
        (client, request) => client.readResource({ uri: options.uri }, request),
        options.signal,
      );
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
