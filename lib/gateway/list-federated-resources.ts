import { UriTemplate } from "@modelcontextprotocol/sdk/shared/uriTemplate.js";
import type { Resource, ResourceTemplate } from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { askFederatedServers, listAllPages } from "./ask-federated-servers";
import { type FederatedServer, loadFederatedServers } from "./load-federated-servers";
import { rememberPerKey } from "./remember-per-key";

export type FederatedResources = {
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
  /** uri → the servers whose list contained it, in alias order: resources/read tries them in turn. */
  owners: Map<string, FederatedServer[]>;
  templates: { template: UriTemplate; server: FederatedServer }[];
};

/**
 * resources/list and resources/templates/list on /api/mcp, live: every server the key may use is asked (through
 * the pooled clients) for its resources and templates; servers that fail are skipped. URIs pass through unchanged,
 * so a URI two servers both list appears once and belongs to both. The owners are remembered for this key for a
 * short while, for resources/read.
 */
export async function listFederatedResources(options: {
  principal: ApiKeyPrincipal;
  signal?: AbortSignal;
}): Promise<FederatedResources> {
  const servers = await loadFederatedServers(options);
  const answers = await askFederatedServers({
    servers,
    capability: "resources",
    what: "resources/list",
    signal: options.signal,
    ask: async (client, request) => {
      const [resources, templates] = await Promise.all([
        listAllPages((cursor) =>
          client
            .listResources(cursor ? { cursor } : {}, request)
            .then((p) => ({ items: p.resources, nextCursor: p.nextCursor })),
        ),
        // A server may declare resources without implementing templates: that means none.
        listAllPages((cursor) =>
          client
            .listResourceTemplates(cursor ? { cursor } : {}, request)
            .then((p) => ({ items: p.resourceTemplates, nextCursor: p.nextCursor })),
        ).catch(() => []),
      ]);
      return { resources, templates };
    },
  });

  const listing: FederatedResources = {
    resources: [],
    resourceTemplates: [],
    owners: new Map(),
    templates: [],
  };
  for (const { server, answer } of answers) {
    for (const resource of answer.resources) {
      const owners = listing.owners.get(resource.uri);
      if (owners) {
        if (!owners.includes(server)) owners.push(server);
        continue;
      }
      listing.owners.set(resource.uri, [server]);
      listing.resources.push(resource);
    }
    for (const template of answer.templates) {
      listing.resourceTemplates.push(template);
      try {
        listing.templates.push({ template: new UriTemplate(template.uriTemplate), server });
      } catch {
        // A template the SDK cannot parse is still listed; reads of it are matched by listed URIs only.
      }
    }
  }
  return rememberPerKey(resourcesKey(options.principal.id), listing);
}

export function resourcesKey(apiKeyId: string): string {
  return `resources:${apiKeyId}`;
}
