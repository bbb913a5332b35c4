import type { Prompt } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { log } from "@/lib/telemetry/log";
import { askFederatedServers, listAllPages } from "./ask-federated-servers";
import { indexFederatedNames } from "./index-federated-names";
import { type FederatedServer, loadFederatedServers } from "./load-federated-servers";
import { rememberPerKey } from "./remember-per-key";

export type FederatedPrompts = {
  prompts: Prompt[];
  /** federated name → the server and its own prompt name, for prompts/get. */
  owners: Map<string, { server: FederatedServer; name: string }>;
};

/**
 * prompts/list on /api/mcp, live: every server the key may use is asked for its prompts (servers that fail are
 * skipped), each named `<alias>__<prompt>`. A name two servers produce is left out and logged, like tools.
 * Remembered for this key for a short while, for prompts/get.
 */
export async function listFederatedPrompts(options: {
  principal: ApiKeyPrincipal;
  signal?: AbortSignal;
}): Promise<FederatedPrompts> {
  const servers = await loadFederatedServers(options);
  const answers = await askFederatedServers({
    servers,
    capability: "prompts",
    what: "prompts/list",
    signal: options.signal,
    ask: (client, request) =>
      listAllPages((cursor) =>
        client
          .listPrompts(cursor ? { cursor } : {}, request)
          .then((p) => ({ items: p.prompts, nextCursor: p.nextCursor })),
      ),
  });
  const { unique, collisions } = indexFederatedNames(
    answers.flatMap(({ server, answer }) =>
      answer.map((prompt) => ({ alias: server.alias, name: prompt.name, server, prompt })),
    ),
    (a, b) => a.server === b.server,
  );
  for (const { federatedName, items } of collisions) {
    log.warn("federated prompts/list: a prompt name more than one server produces was left out", {
      prompt: federatedName,
      servers: items.map((i) => i.server.slug),
    });
  }
  const listing: FederatedPrompts = { prompts: [], owners: new Map() };
  for (const [federatedName, { server, prompt }] of unique) {
    listing.prompts.push({ ...prompt, name: federatedName });
    listing.owners.set(federatedName, { server, name: prompt.name });
  }
  return rememberPerKey(promptsKey(options.principal.id), listing);
}

export function promptsKey(apiKeyId: string): string {
  return `prompts:${apiKeyId}`;
}
