import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { orbitVersion } from "@/lib/version";
import { completeFederatedArgument } from "./complete-federated-argument";
import { getFederatedPrompt } from "./get-federated-prompt";
import { listFederatedPrompts } from "./list-federated-prompts";
import { listFederatedResources } from "./list-federated-resources";
import { listFederatedTools } from "./list-federated-tools";
import { readFederatedResource } from "./read-federated-resource";
import { toFederatedMcpError } from "./to-federated-mcp-error";

/**
 * The MCP server behind /api/mcp for the requests it answers at once, for one key: tools from the registry,
 * resources and prompts live from the upstreams, all under the key's scope. Built per request: the session lives in
 * Redis (answerFederatedRequest), not in this object, so any instance can answer. tools/call is not here — it
 * streams on the client's upstream session (relayFederatedToolCall). The `listChanged` it declares is sent on the
 * session's GET stream (openFederatedStream), and so are the upstreams' resource updates after `subscribe`; the log
 * level goes to the session's upstreams (`setLevel`).
 */
export function createFederatedServer(options: {
  principal: ApiKeyPrincipal;
  requestId: string;
  setLevel?: (level: string) => Promise<void>;
  /** resources/subscribe and /unsubscribe on the session's upstream sessions (subscribeFederatedResource). */
  subscribe?: (uri: string, subscribe: boolean, signal: AbortSignal) => Promise<void>;
}): Server {
  const { principal, requestId } = options;
  const server = new Server(
    { name: "orbit", title: "Orbit (federated)", version: orbitVersion },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { listChanged: true, subscribe: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
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
    SetLevelRequestSchema,
    guard(async (request) => {
      await options.setLevel?.(request.params.level);
      return {};
    }),
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
  server.setRequestHandler(
    CompleteRequestSchema,
    guard(async (request, extra) =>
      completeFederatedArgument({ principal, params: request.params, signal: extra.signal }),
    ),
  );
  for (const [schema, subscribe] of [
    [SubscribeRequestSchema, true],
    [UnsubscribeRequestSchema, false],
  ] as const) {
    server.setRequestHandler(
      schema,
      guard(async (request, extra) => {
        await options.subscribe?.(request.params.uri, subscribe, extra.signal);
        return {};
      }),
    );
  }
  return server;
}
