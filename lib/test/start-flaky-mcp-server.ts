import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

/** How the server treats the next `tools/call` requests. Other MCP requests (initialize, lists) are always served. */
export type FlakyMode = "ok" | "fail500" | "drop" | "slow";

export type FlakyToolName = "echo" | "charge" | "slow";

export type FlakyMcpServer = {
  /** The Streamable HTTP endpoint, e.g. http://127.0.0.1:41234/mcp */
  url: string;
  /** Same as POST /control; `times` makes the mode last for that many tool calls, then it is "ok" again. */
  setMode(mode: FlakyMode, options?: { delayMs?: number; times?: number }): void;
  /** HTTP requests of any kind, and `tools/call` requests that arrived per tool (whatever the mode did with them). */
  counts(): {
    requests: number;
    calls: Record<FlakyToolName, number>;
    executed: Record<FlakyToolName, number>;
  };
  /** Closes this server and every socket it holds; nothing else. */
  stop(): Promise<void>;
};

/**
 * A real MCP server (the SDK's McpServer over Streamable HTTP, stateless) that can be told to fail: answer 500, drop
 * the socket after the request arrived, or answer late. Tests use it to prove what retries and circuits do, by
 * counting what reached the server. Control: `POST /control {"mode":"fail500","delayMs":0,"times":1}`.
 */
export async function startFlakyMcpServer(): Promise<FlakyMcpServer> {
  let mode: FlakyMode = "ok";
  let delayMs = 0;
  let remaining = Number.POSITIVE_INFINITY;
  let requests = 0;
  const calls: Record<FlakyToolName, number> = { echo: 0, charge: 0, slow: 0 };
  const executed: Record<FlakyToolName, number> = { echo: 0, charge: 0, slow: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const setMode: FlakyMcpServer["setMode"] = (next, options = {}) => {
    mode = next;
    delayMs = options.delayMs ?? 0;
    remaining = options.times ?? Number.POSITIVE_INFINITY;
  };

  function buildMcpServer(): McpServer {
    const server = new McpServer({ name: "flaky", version: "1.0.0" });
    server.registerTool(
      "echo",
      {
        description: "Returns its text",
        inputSchema: { text: z.string() },
        annotations: { readOnlyHint: true, idempotentHint: true },
      },
      async ({ text }) => {
        executed.echo++;
        return { content: [{ type: "text", text }] };
      },
    );
    server.registerTool(
      "charge",
      {
        description: "Charges an amount; never safe to repeat",
        inputSchema: { amount: z.number() },
        annotations: { destructiveHint: true, idempotentHint: false, readOnlyHint: false },
      },
      async ({ amount }) => {
        executed.charge++;
        // Thrown errors become `isError: true` results: the tool said no, the server is fine.
        if (amount < 0) throw new Error("amount must not be negative");
        return { content: [{ type: "text", text: `charged ${amount} (#${executed.charge})` }] };
      },
    );
    server.registerTool(
      "slow",
      {
        description: "Answers after ms milliseconds",
        inputSchema: { ms: z.number() },
        annotations: { readOnlyHint: true },
      },
      async ({ ms }) => {
        executed.slow++;
        await sleep(ms);
        return { content: [{ type: "text", text: `slept ${ms}` }] };
      },
    );
    return server;
  }

  async function handleMcp(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    // Stateless: a fresh server and transport per request, so no session outlives a test or a dropped socket.
    const server = buildMcpServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests++;
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const text = await readBody(req);
    if (path === "/control" && req.method === "POST") {
      const control = JSON.parse(text || "{}") as { mode?: FlakyMode; delayMs?: number; times?: number };
      setMode(control.mode ?? "ok", control);
      res.writeHead(204).end();
      return;
    }
    if (path !== "/mcp") {
      res.writeHead(404).end();
      return;
    }
    // Stateless servers have no standalone stream and no session to end.
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const tool = toolCalled(body);
    if (tool) {
      calls[tool]++;
      const current = remaining > 0 ? mode : "ok";
      if (current !== "ok") remaining--;
      if (current === "fail500") {
        res.writeHead(500, { "content-type": "text/plain" }).end("flaky: failing on purpose");
        return;
      }
      if (current === "drop") {
        // The request arrived in full; the client only sees the connection die, as after a crash mid-call.
        req.socket.destroy();
        return;
      }
      if (current === "slow") await sleep(delayMs);
    }
    await handleMcp(req, res, body);
  }

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  http.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/mcp`,
    setMode,
    counts: () => ({ requests, calls: { ...calls }, executed: { ...executed } }),
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function toolCalled(body: unknown): FlakyToolName | null {
  const messages = Array.isArray(body) ? body : [body];
  for (const message of messages) {
    const m = message as { method?: unknown; params?: { name?: unknown } } | null;
    if (m?.method !== "tools/call") continue;
    const name = m.params?.name;
    if (name === "echo" || name === "charge" || name === "slow") return name;
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
