import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

/**
 * Small upstreams for the cases the reference server cannot play:
 * - `bearer`: a Streamable HTTP MCP server that answers 401 unless `Authorization: Bearer <token>`; URL ends in /mcp
 * - `sse-only`: a server of the old HTTP+SSE transport (GET /sse, POST /messages); URL ends in /sse
 * - `html`: a web page, 200 text/html to every request
 * - `not-found`: 404 text/html to every request
 * - `silent`: accepts connections and never answers
 */
export type TestServerKind = "bearer" | "sse-only" | "html" | "not-found" | "silent";

export type TestServer = {
  url: string;
  /** Authorization header of every request received, in order (undefined when absent). */
  authorizations: (string | undefined)[];
  stop(): Promise<void>;
};

export async function startTestServer(
  kind: TestServerKind,
  options: { token?: string } = {},
): Promise<TestServer> {
  const token = options.token ?? "sekret";
  const authorizations: (string | undefined)[] = [];
  const sseSessions = new Map<string, SSEServerTransport>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    authorizations.push(req.headers.authorization);
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    switch (kind) {
      case "silent":
        return; // never answers
      case "html":
        res
          .writeHead(200, { "content-type": "text/html" })
          .end("<!doctype html><title>Welcome</title><p>Hello");
        return;
      case "not-found":
        res.writeHead(404, { "content-type": "text/html" }).end("<!doctype html><title>Not Found</title>");
        return;
      case "bearer": {
        if (req.headers.authorization !== `Bearer ${token}`) {
          res
            .writeHead(401, { "content-type": "application/json" })
            .end(JSON.stringify({ error: "unauthorized" }));
          return;
        }
        if (path !== "/mcp") {
          res.writeHead(404).end();
          return;
        }
        // Stateless: a fresh server and transport per request, as the SDK's stateless example does.
        const server = buildMcpServer("bearer-test");
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
        res.on("close", () => {
          void transport.close();
          void server.close();
        });
        await server.connect(transport);
        await transport.handleRequest(req, res);
        return;
      }
      case "sse-only": {
        if (req.method === "GET" && path === "/sse") {
          const transport = new SSEServerTransport("/messages", res);
          sseSessions.set(transport.sessionId, transport);
          res.on("close", () => sseSessions.delete(transport.sessionId));
          await buildMcpServer("sse-only-test").connect(transport);
          return;
        }
        if (req.method === "POST" && path === "/messages") {
          const sessionId = new URL(req.url ?? "/", "http://localhost").searchParams.get("sessionId") ?? "";
          const transport = sseSessions.get(sessionId);
          if (!transport) {
            res.writeHead(404).end("unknown session");
            return;
          }
          await transport.handlePostMessage(req, res);
          return;
        }
        // Like an Express app of that era: anything else, POST /sse included, is a 404.
        res.writeHead(404, { "content-type": "text/html" }).end("Cannot POST");
        return;
      }
    }
  };

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const path = kind === "sse-only" ? "/sse" : "/mcp";
  return {
    url: `http://127.0.0.1:${port}${path}`,
    authorizations,
    stop: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function buildMcpServer(name: string): McpServer {
  const server = new McpServer({ name, version: "1.2.3" });
  server.registerTool(
    "shout",
    { description: "Repeats the message in capitals", inputSchema: { message: z.string() } },
    async ({ message }) => ({ content: [{ type: "text", text: message.toUpperCase() }] }),
  );
  return server;
}
