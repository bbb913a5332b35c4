import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { orbitVersion } from "@/lib/version";
import { callFederatedTool } from "./call-federated-tool";
import { getFederatedPrompt } from "./get-federated-prompt";
import { listFederatedPrompts } from "./list-federated-prompts";
import { listFederatedResources } from "./list-federated-resources";
import { listFederatedTools } from "./list-federated-tools";
import { readFederatedResource } from "./read-federated-resource";
import { toFederatedMcpError } from "./to-federated-mcp-error";

/**
 * The MCP server behind /api/mcp for one request and one key: tools from the registry, resources and prompts live
 * from the upstreams, all under the key's scope. Built per request (the endpoint is stateless); `listChanged` is not
 * declared because nothing would be sent on it (see answerFederatedRequest).
 */
export function createFederatedServer(options: { principal: ApiKeyPrincipal; requestId: string }): Server {
  const { principal, requestId } = options;
  const server = new Server(
    { name: "orbit", title: "Orbit (federated)", version: orbitVersion },
    {
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        "Tools, resources and prompts of every MCP server this API key may use. Tool and prompt names are " +
        "<alias>__<name>, the alias being the server's; resource URIs are the servers' own.",
    },
  );
  // Every handler's failure leaves as a JSON-RPC error with Orbit's code; the SDK answers it in the response.
  const guard =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        throw toFederatedMcpError(error, requestId);
      }
    };

  server.setRequestHandler(
    ListToolsRequestSchema,
    guard(async () => ({ tools: await listFederatedTools({ principal }) })),
  );
  server.setRequestHandler(
    CallToolRequestSchema,
    guard(async (request, extra) =>
      callFederatedTool({
        principal,
        name: request.params.name,
        args: request.params.arguments ?? {},
        requestId,
        signal: extra.signal,
      }),
    ),
  );
  server.setRequestHandler(
    ListResourcesRequestSchema,
    guard(async (_request, extra) => {
      const { resources } = await listFederatedResources({ principal, signal: extra.signal });
      return { resources };
    }),
  );
  server.setRequestHandler(
    ListResourceTemplatesRequestSchema,
    guard(async (_request, extra) => {
      const { resourceTemplates } = await listFederatedResources({ principal, signal: extra.signal });
      return { resourceTemplates };
    }),
  );
  server.setRequestHandler(
    ReadResourceRequestSchema,
    guard(async (request, extra) =>
      readFederatedResource({ principal, uri: request.params.uri, signal: extra.signal }),
    ),
  );
  server.setRequestHandler(
    ListPromptsRequestSchema,
    guard(async (_request, extra) => {
      const { prompts } = await listFederatedPrompts({ principal, signal: extra.signal });
      return { prompts };
    }),
  );
  server.setRequestHandler(
    GetPromptRequestSchema,
    guard(async (request, extra) =>
      getFederatedPrompt({
        principal,
        name: request.params.name,
        args: request.params.arguments,
        signal: extra.signal,
      }),
    ),
  );
  return server;
}
