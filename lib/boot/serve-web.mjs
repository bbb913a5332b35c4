// The production web process that `npm start` runs: Next's request handler behind a plain Node HTTP server, so the
// client address handed to the app comes from the socket, not from a header a client can write. Plain JavaScript
// on purpose: Next loads its own compiled server code and needs no TypeScript loader here.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { coalesceResponseWrites } from "./coalesce-response-writes.mjs";
import { resolveClientIp } from "./resolve-client-ip.mjs";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    host: { type: "string" },
    port: { type: "string" },
    proxies: { type: "string" },
  },
});
const host = values.host ?? "127.0.0.1";
const port = Number(values.port ?? 3000);
const trustedProxies = Number(values.proxies ?? 0);

const app = next({ dev: false, dir: values.dir ?? process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Overwritten on every request, so a client cannot choose its own rate-limit key.
  req.headers["x-orbit-client-ip"] = resolveClientIp({
    forwardedFor: req.headers["x-forwarded-for"],
    socketAddress: req.socket.remoteAddress,
    trustedProxies,
  });
  coalesceResponseWrites(res);
  handle(req, res);
});
server.listen(port, host, () => console.log(`web listening on http://${host}:${port}`));

// Work the app buffers in memory (request-log rows) registers a flush here; it runs after the last request has been
// answered and before the process exits, so a graceful stop loses nothing.
globalThis.orbitShutdownHooks ??= new Set();
const shutdownHooks = globalThis.orbitShutdownHooks;
let exiting = false;
async function exitAfterHooks() {
  if (exiting) return;
  exiting = true;
  await Promise.allSettled([...shutdownHooks].map((hook) => hook()));
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => void exitAfterHooks());
    // Keep-alive connections may hold close() open; do not outlive the launcher's patience.
    setTimeout(() => void exitAfterHooks(), 5_000).unref();
  });
}
