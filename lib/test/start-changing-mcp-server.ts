import { randomUUID } from "node:crypto";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";
import { serveRouteHandler } from "./serve-route-handler";

/**
 * A real stateful MCP server (the SDK's McpServer over Streamable HTTP, one per session) whose tool list changes when
 * asked, as servers that load plugins do: the tool `add-tool {name}` adds a tool that every session opened from then
 * on lists, and announces it with `notifications/tools/list_changed` — on the call's own stream, and (the SDK does
 * it by itself) on the session's GET stream. The reference server cannot play this: its tools are fixed.
 */
export async function startChangingMcpServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const added = new Set<string>();
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>();

  const build = () => {
    const server = new McpServer(
      { name: "changing-test", version: "1.0.0" },
      { capabilities: { tools: { listChanged: true } } },
    );
    const addTool = (name: string) =>
      server.registerTool(name, { description: `Added at run time: ${name}` }, async () => ({
        content: [{ type: "text", text: `I am ${name}` }],
      }));
    server.registerTool(
      "add-tool",
      { description: "Adds a tool to this server", inputSchema: { name: z.string() } },
      async ({ name }, extra) => {
        added.add(name);
        addTool(name);
        await extra.sendNotification({ method: "notifications/tools/list_changed" });
        return { content: [{ type: "text", text: `added ${name}` }] };
      },
    );
    for (const name of added) addTool(name);
    return server;
  };

  const handler = async (request: Request): Promise<Response> => {
    const sessionId = request.headers.get("mcp-session-id");
    if (sessionId) {
      const transport = sessions.get(sessionId);
      return transport ? transport.handleRequest(request) : new Response(null, { status: 404 });
    }
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
      onsessionclosed: (id) => void sessions.delete(id),
    });
    await build().connect(transport);
    return transport.handleRequest(request);
  };
  const served = await serveRouteHandler({ handler, params: (path) => (path === "/mcp" ? {} : null) });
  return {
    url: `${served.origin}/mcp`,
    async stop() {
      await Promise.all([...sessions.values()].map((t) => t.close()));
      await served.stop();
    },
  };
}
