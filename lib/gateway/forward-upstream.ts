import { AppError } from "@/lib/errors/app-error";
import { CONNECT_ERROR_CODES, findSocketError } from "@/lib/http/find-socket-error";

// Request headers that carry MCP meaning; everything else the client sent (its Orbit API key above all) stays here.
const FORWARDED = ["accept", "content-type", "mcp-protocol-version", "last-event-id"];

/**
 * One HTTP exchange with an upstream replica. Resolves when the upstream's headers arrive (the body, often an SSE
 * stream, flows on); `timeoutMs` bounds only the wait for those headers, because a long tool call streams progress
 * for as long as it runs. Throws AppError upstream_error / upstream_timeout; `details.reachedServer` is false when
 * the connection was never made, so the caller may safely try another replica.
 */
export async function forwardUpstream(options: {
  method: "GET" | "POST" | "DELETE";
  url: string;
  serverHeaders?: Record<string, string>;
  downstream?: Headers;
  extraHeaders?: Record<string, string>;
  sessionId: string | null;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
}): Promise<Response> {
  const headers = new Headers(options.serverHeaders);
  for (const name of FORWARDED) {
    const value = options.downstream?.get(name);
    if (value) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(options.extraHeaders ?? {})) headers.set(name, value);
  if (options.sessionId) headers.set("mcp-session-id", options.sessionId);

  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error("timeout")), options.timeoutMs);
  try {
    return await fetch(options.url, {
      method: options.method,
      headers,
      body: options.body,
      signal: controller.signal,
      redirect: "manual",
    });
  } catch (error) {
    options.signal?.removeEventListener("abort", onAbort);
    const origin = new URL(options.url).origin;
    if (options.signal?.aborted) {
      throw new AppError("upstream_error", "The client went away.", { cause: error });
    }
    if (controller.signal.aborted) {
      throw new AppError("upstream_timeout", `${origin} did not answer within ${options.timeoutMs} ms`, {
        cause: error,
        details: { reachedServer: true },
      });
    }
    const reached = findSocketError(error, (code) => CONNECT_ERROR_CODES.has(code)) === undefined;
    throw new AppError("upstream_error", `Could not reach ${origin}`, {
      cause: error,
      details: { reachedServer: reached },
    });
  } finally {
    // The client's signal stays linked: when it leaves, the upstream stream it was reading is closed too.
    clearTimeout(timer);
  }
}
