import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A plain HTTP forwarder on 127.0.0.1 that adds `headers` to every request and changes nothing else: same method,
 * path, body and the client's own Host/Origin, responses (SSE streams too) piped back as they arrive. It lets a
 * client that cannot send headers — the MCP conformance suite has no option for them — reach an endpoint that needs
 * `Authorization: Bearer orbit_…`. Keeping the Host as sent matters: Orbit's DNS-rebinding check must see what the
 * client sent, not the proxy.
 */
export async function startHeaderProxy(options: {
  /** Where requests go, e.g. http://127.0.0.1:41234 (the request path is kept). */
  target: string;
  headers: Record<string, string>;
}): Promise<{ origin: string; stop(): Promise<void> }> {
  const target = new URL(options.target);
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, ...options.headers },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // The client left (a closed SSE stream, a cancelled request): the upstream exchange ends with it.
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
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
