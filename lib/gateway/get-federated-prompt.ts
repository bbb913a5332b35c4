import type { GetPromptResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { AppError } from "@/lib/errors/app-error";
import { type FederatedPrompts, listFederatedPrompts, promptsKey } from "./list-federated-prompts";
import { recallPerKey } from "./remember-per-key";
import { withServerClient } from "./with-server-client";

/**
 * prompts/get on /api/mcp: `<alias>__<prompt>` to its server (from this key's recent prompts/list, or a fresh
 * one), which is asked for its own prompt name with the client's arguments. Unknown or colliding: not_found.
 */
export async function getFederatedPrompt(options: {
  principal: ApiKeyPrincipal;
  name: string;
  args?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<GetPromptResult> {
  const recalled = recallPerKey<FederatedPrompts>(promptsKey(options.principal.id));
  const owner =
    recalled?.owners.get(options.name) ?? (await listFederatedPrompts(options)).owners.get(options.name);
  if (!owner) {
    throw new AppError(
      "not_found",
      `Unknown prompt "${options.name}": call prompts/list for the prompts this key may use.`,
    );
  }
  return withServerClient(
    owner.server,
    (client, request) => client.getPrompt({ name: owner.name, arguments: options.args }, request),
    options.signal,
  );
}
