// The child side of startRouteProcess: serves one route handler module's method in its own Node process, so a test
// can watch a second "instance" that shares nothing with it but the database and Redis. Prints its origin as one
// JSON line on stdout once listening; stops on SIGTERM.
import { pathToFileURL } from "node:url";
import { serveRouteHandler } from "./serve-route-handler";

const [modulePath, method, prefix, param] = process.argv.slice(2) as [string, string, string, string];
const route = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
const handler = route[method] as Parameters<typeof serveRouteHandler>[0]["handler"];
const served = await serveRouteHandler({
  handler,
  params: (path) =>
    path.startsWith(prefix) ? { [param]: decodeURIComponent(path.slice(prefix.length)) } : null,
});
process.stdout.write(`${JSON.stringify({ origin: served.origin })}\n`);
process.on("SIGTERM", () => {
  void served.stop().finally(() => process.exit(0));
});
