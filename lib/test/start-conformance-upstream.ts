import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type EventStore,
  StreamableHTTPServerTransport,
} from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  CompleteRequestSchema,
  CreateMessageResultSchema,
  ElicitResultSchema,
  GetPromptRequestSchema,
  type GetPromptResult,
  type JSONRPCMessage,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";

/**
 * An upstream MCP server that implements what every server scenario of the MCP conformance suite asks for (the
 * `test_*` tools, `test://` resources and prompts, logging, completion, SSE polling with resumption, DNS-rebinding
 * protection), written from the suite's scenario descriptions with the SDK's low-level Server. server-everything
 * passes only the generic scenarios; against this one the suite also exercises what a relay can get wrong — progress
 * and log notifications, sampling and elicitation requests, a stream the upstream closes mid-call.
 */
export async function startConformanceUpstream(): Promise<{ url: string; stop(): Promise<void> }> {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] = [];
  const http = createServer((req, res) => {
    void (async () => {
      const sessionId = req.headers["mcp-session-id"];
      let transport = typeof sessionId === "string" ? transports.get(sessionId) : undefined;
      if (!transport && sessionId === undefined && req.method === "POST") {
        // No session named: a new one, which the transport refuses unless the request is an initialize.
        const created = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => void transports.set(id, created),
          eventStore: createEventStore(),
          retryInterval: 100,
          enableDnsRebindingProtection: true,
          allowedHosts,
        });
        created.onclose = () => created.sessionId && transports.delete(created.sessionId);
        await createConformanceServer().connect(created);
        transport = created;
      }
      if (!transport) {
        res.writeHead(sessionId === undefined ? 400 : 404).end();
        return;
      }
      await transport.handleRequest(req, res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    stop: async () => {
      await Promise.all([...transports.values()].map((t) => t.close()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

// A 1×1 PNG and a header-only WAV: content the suite checks by type and MIME type only.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";
const EMPTY_INPUT = { type: "object" as const, properties: {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resumability needs the events of each stream kept; ids sort by time within a stream. */
function createEventStore(): EventStore {
  const events: { id: string; streamId: string; message: JSONRPCMessage }[] = [];
  let counter = 0;
  return {
    async storeEvent(streamId, message) {
      const id = `${streamId}_${String(++counter).padStart(8, "0")}`;
      events.push({ id, streamId, message });
      return id;
    },
    async replayEventsAfter(lastEventId, { send }) {
      const streamId = lastEventId.slice(0, lastEventId.lastIndexOf("_"));
      for (const event of events) {
        if (event.streamId === streamId && event.id > lastEventId) await send(event.id, event.message);
      }
      return streamId;
    },
  };
}

function createConformanceServer(): Server {
  const server = new Server(
    { name: "orbit-conformance-upstream", version: "1.0.0" },
    {
      capabilities: {
        tools: {},
        resources: { subscribe: true },
        prompts: {},
        logging: {},
        completions: {},
      },
    },
  );
  const text = (value: string): CallToolResult => ({ content: [{ type: "text", text: value }] });

  const tools: Record<
    string,
    {
      description: string;
      inputSchema?: Record<string, unknown>;
      run(args: Record<string, unknown>, extra: ToolExtra): Promise<CallToolResult>;
    }
  > = {
    test_simple_text: {
      description: "Returns simple text",
      run: async () => text("This is a simple text response for testing."),
    },
    test_image_content: {
      description: "Returns an image",
      run: async () => ({ content: [{ type: "image", data: PNG, mimeType: "image/png" }] }),
    },
    test_audio_content: {
      description: "Returns audio",
      run: async () => ({ content: [{ type: "audio", data: WAV, mimeType: "audio/wav" }] }),
    },
    test_embedded_resource: {
      description: "Returns an embedded resource",
      run: async () => ({
        content: [
          {
            type: "resource",
            resource: { uri: "test://embedded-resource", mimeType: "text/plain", text: "Embedded content." },
          },
        ],
      }),
    },
    test_multiple_content_types: {
      description: "Returns text, an image and a resource",
      run: async () => ({
        content: [
          { type: "text", text: "Multiple content types test:" },
          { type: "image", data: PNG, mimeType: "image/png" },
          {
            type: "resource",
            resource: {
              uri: "test://mixed-content-resource",
              mimeType: "application/json",
              text: JSON.stringify({ test: "data", value: 123 }),
            },
          },
        ],
      }),
    },
    test_tool_with_logging: {
      description: "Logs three messages while it runs",
      run: async (_args, extra) => {
        for (const [i, data] of [
          "Tool execution started",
          "Tool processing data",
          "Tool execution completed",
        ].entries()) {
          if (i > 0) await sleep(50);
          await extra.sendNotification({ method: "notifications/message", params: { level: "info", data } });
        }
        return text("Tool with logging executed successfully");
      },
    },
    test_tool_with_progress: {
      description: "Reports progress 0, 50, 100 of 100",
      run: async (_args, extra) => {
        const progressToken = extra._meta?.progressToken;
        for (const progress of [0, 50, 100]) {
          if (progress > 0) await sleep(50);
          if (progressToken !== undefined) {
            await extra.sendNotification({
              method: "notifications/progress",
              params: { progressToken, progress, total: 100 },
            });
          }
        }
        return text(String(progressToken));
      },
    },
    test_error_handling: {
      description: "Always fails",
      run: async () => ({ isError: true, ...text("This tool intentionally returns an error for testing") }),
    },
    test_sampling: {
      description: "Asks the client's LLM",
      inputSchema: { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] },
      run: async (args, extra) => {
        const result = await extra.sendRequest(
          {
            method: "sampling/createMessage",
            params: {
              messages: [{ role: "user", content: { type: "text", text: String(args.prompt) } }],
              maxTokens: 100,
            },
          },
          CreateMessageResultSchema,
        );
        return text(`LLM response: ${JSON.stringify(result.content)}`);
      },
    },
    test_elicitation: {
      description: "Asks the user",
      inputSchema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] },
      run: (args, extra) =>
        elicit(extra, String(args.message), {
          response: { type: "string", description: "User's response" },
        }),
    },
    test_elicitation_sep1034_defaults: {
      description: "Asks the user, with defaults (SEP-1034)",
      run: (_args, extra) =>
        elicit(extra, "Please review the defaults", {
          name: { type: "string", default: "John Doe" },
          age: { type: "integer", default: 30 },
          score: { type: "number", default: 95.5 },
          status: { type: "string", enum: ["active", "inactive", "pending"], default: "active" },
          verified: { type: "boolean", default: true },
        }),
    },
    test_elicitation_sep1330_enums: {
      description: "Asks the user, with every enum form (SEP-1330)",
      run: (_args, extra) =>
        elicit(extra, "Please pick options", {
          untitledSingle: { type: "string", enum: ["option1", "option2", "option3"] },
          titledSingle: {
            type: "string",
            oneOf: [
              { const: "value1", title: "First Option" },
              { const: "value2", title: "Second Option" },
            ],
          },
          legacyEnum: { type: "string", enum: ["opt1", "opt2"], enumNames: ["Option One", "Option Two"] },
          untitledMulti: {
            type: "array",
            items: { type: "string", enum: ["option1", "option2", "option3"] },
          },
          titledMulti: {
            type: "array",
            items: {
              anyOf: [
                { const: "value1", title: "First Choice" },
                { const: "value2", title: "Second Choice" },
              ],
            },
          },
        }),
    },
    json_schema_2020_12_tool: {
      description: "Declares its input in JSON Schema 2020-12",
      inputSchema: {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        $defs: {
          address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } },
        },
        properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
        additionalProperties: false,
      },
      run: async (args) => text(`called with ${JSON.stringify(args)}`),
    },
    test_reconnection: {
      description: "Closes its SSE stream mid-call; the answer comes on the resumed stream (SEP-1699)",
      run: async (_args, extra) => {
        extra.closeSSEStream?.();
        await sleep(100);
        return text("Reconnection test completed successfully.");
      },
    },
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: Object.entries(tools).map(([name, tool]) => ({
      name,
      description: tool.description,
      inputSchema: (tool.inputSchema ?? EMPTY_INPUT) as typeof EMPTY_INPUT,
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools[request.params.name];
    if (!tool) return { isError: true, ...text(`Unknown tool: ${request.params.name}`) };
    return tool.run(request.params.arguments ?? {}, { ...extra, _meta: request.params._meta });
  });

  const resources: Record<string, { mimeType: string; text?: string; blob?: string }> = {
    "test://static-text": {
      mimeType: "text/plain",
      text: "This is the content of the static text resource.",
    },
    "test://static-binary": { mimeType: "image/png", blob: PNG },
    "test://watched-resource": { mimeType: "text/plain", text: "Watched resource content" },
  };
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: Object.entries(resources).map(([uri, r]) => ({
      uri,
      name: uri.slice(7),
      mimeType: r.mimeType,
    })),
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      { uriTemplate: "test://template/{id}/data", name: "template", mimeType: "application/json" },
    ],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async ({ params: { uri } }) => {
    const id = /^test:\/\/template\/([^/]+)\/data$/.exec(uri)?.[1];
    if (id) {
      return {
        contents: [{ uri, mimeType: "application/json", text: JSON.stringify({ id, templateTest: true }) }],
      };
    }
    const resource = resources[uri];
    if (!resource) throw new McpError(-32002, `Resource ${uri} not found`);
    return { contents: [{ uri, ...resource }] };
  });
  server.setRequestHandler(SubscribeRequestSchema, async () => ({}));
  server.setRequestHandler(UnsubscribeRequestSchema, async () => ({}));

  const prompts: Record<string, { arguments: string[]; get(args: Record<string, string>): GetPromptResult }> =
    {
      test_simple_prompt: {
        arguments: [],
        get: () => ({
          messages: [{ role: "user", content: { type: "text", text: "This is a simple prompt." } }],
        }),
      },
      test_prompt_with_arguments: {
        arguments: ["arg1", "arg2"],
        get: (a) => ({
          messages: [{ role: "user", content: { type: "text", text: `arg1='${a.arg1}', arg2='${a.arg2}'` } }],
        }),
      },
      test_prompt_with_embedded_resource: {
        arguments: ["resourceUri"],
        get: (a) => ({
          messages: [
            {
              role: "user",
              content: {
                type: "resource",
                resource: { uri: String(a.resourceUri), mimeType: "text/plain", text: "Embedded content." },
              },
            },
          ],
        }),
      },
      test_prompt_with_image: {
        arguments: [],
        get: () => ({
          messages: [{ role: "user", content: { type: "image", data: PNG, mimeType: "image/png" } }],
        }),
      },
    };
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({
    prompts: Object.entries(prompts).map(([name, p]) => ({
      name,
      description: `Conformance prompt ${name}`,
      arguments: p.arguments.map((arg) => ({ name: arg, required: true })),
    })),
  }));
  server.setRequestHandler(GetPromptRequestSchema, async ({ params }) => {
    const prompt = prompts[params.name];
    if (!prompt) throw new McpError(-32602, `Prompt ${params.name} not found`);
    return prompt.get(params.arguments ?? {});
  });

  server.setRequestHandler(CompleteRequestSchema, async ({ params }) => ({
    completion: { values: [`${params.argument.value}-completed`], total: 1, hasMore: false },
  }));
  server.setRequestHandler(SetLevelRequestSchema, async () => ({}));
  return server;
}

type ToolExtra = Parameters<Parameters<Server["setRequestHandler"]>[1]>[1] & {
  _meta?: { progressToken?: string | number };
};

async function elicit(
  extra: ToolExtra,
  message: string,
  properties: Record<string, Record<string, unknown>>,
): Promise<CallToolResult> {
  const result = await extra.sendRequest(
    {
      method: "elicitation/create",
      params: { message, requestedSchema: { type: "object", properties, required: [] } },
    } as never,
    ElicitResultSchema,
  );
  return {
    content: [{ type: "text", text: `action=${result.action}, content=${JSON.stringify(result.content)}` }],
  };
}
