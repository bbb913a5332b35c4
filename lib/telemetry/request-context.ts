import { AsyncLocalStorage } from "node:async_hooks";

type RequestContext = { requestId: string };

// On globalThis because Next bundles each route separately: the route that starts a context and the library code
// that reads it must share one store, whichever bundle loaded them.
const globalForContext = globalThis as typeof globalThis & {
  orbitRequestContext?: AsyncLocalStorage<RequestContext>;
};
globalForContext.orbitRequestContext ??= new AsyncLocalStorage<RequestContext>();
const storage = globalForContext.orbitRequestContext;

/**
 * Runs `run` with `requestId` as the request everything inside belongs to, so log lines and trace spans written deep
 * in the call (a tool call's span, a warning from the cache) carry the id the client got, without every function
 * passing it along. The worker uses the id of the webhook request a delivery came in with.
 */
export function withRequestContext<T>(requestId: string, run: () => T): T {
  return storage.run({ requestId }, run);
}

/** The id of the request being served, when there is one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
