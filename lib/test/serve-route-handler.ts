import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Serves one App Router route handler on a 127.0.0.1 port, the way Next does (Web Request in, streamed Web Response
 * out), so real HTTP clients — the MCP SDK's, the Inspector — can talk to it in tests. Each call is one "instance":
 * two of them share nothing but the database and Redis, like two web processes.
 */
export async function serveRouteHandler(options: {
  handler: Handler;
  /** The path prefix; the rest of the path becomes the params (e.g. "/api/mcp/" + server). */
  params: (path: string) => Record<string, string> | null;
}): Promise<{ origin: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const params = options.params(url.pathname);
    if (!params) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: abort.signal,
      // @ts-expect-error Node's fetch needs this for a streamed request body.
      duplex: "half",
    });
    const response = await options.handler(request, { params: Promise.resolve(params) });
    res.statusCode = response.status;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (!response.body) {
      res.end();
      return;
    }
    res.flushHeaders();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } catch {
      // The client left or the upstream broke off; either way this response is over.
    } finally {
      res.end();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
