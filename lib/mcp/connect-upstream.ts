import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { AppError } from "@/lib/errors/app-error";
import { orbitVersion } from "@/lib/version";
import { createLazySchemaValidator } from "./lazy-schema-validator";
import { toUpstreamError } from "./to-upstream-error";
import { traceUpstreamFetch, type UpstreamTrace } from "./upstream-trace";

export type UpstreamTransport = "streamable_http" | "sse";

export type ConnectUpstreamOptions = {
  url: string;
  transport: UpstreamTransport;
  /** Sent with every request, e.g. `{ Authorization: "Bearer …" }`. */
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Ends the conversation early; the connection also stops on its own after `timeoutMs`. */
  signal?: AbortSignal;
  /** What Orbit's client declares at initialize; none by default (it answers no server-to-client request). */
  capabilities?: ClientCapabilities;
};

export type UpstreamConnection = {
  client: Client;
  /** The transport that answered: "sse" when a streamable_http URL turned out to speak only the old transport. */
  transport: UpstreamTransport;
  /** The protocol version both sides agreed on at initialize. */
  protocolVersion: string | null;
  /** Pass as `signal` to requests so they share the connection's deadline. */
  signal: AbortSignal;
  /** Maps a failed request on this connection to the same clear AppError a failed connect gives. */
  toError(error: unknown): AppError;
  /** Ends the session (best effort) and closes the transport. Never throws. */
  close(): Promise<void>;
};

// Servers of the 2024-11-05 HTTP+SSE transport answer a POST to their SSE URL with one of these; the spec's
// backwards-compatibility rule is to retry with a GET for the old transport. Auth and rate-limit answers are not
// about the transport, so they do not trigger a retry.
const notOldTransport = new Set([401, 403, 408, 429]);

/**
 * Connects an MCP client to an upstream server and completes initialize, within `timeoutMs`. Throws an AppError
 * (`upstream_error` / `upstream_timeout`) that says what went wrong in words an operator can act on; on failure
 * everything opened is closed. The caller closes the returned connection.
 */
export async function connectUpstream(options: ConnectUpstreamOptions): Promise<UpstreamConnection> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const deadline = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const context = (trace: UpstreamTrace) => ({
    url: options.url,
    timeoutMs: options.timeoutMs,
    trace,
    deadline,
  });

  const firstTrace: UpstreamTrace = {};
  try {
    return await attempt(options, options.transport, firstTrace, deadline);
  } catch (error) {
    // Mapped now, before the fallback spends the deadline, so a timeout there cannot relabel this failure.
    const firstFailure = toUpstreamError(error, context(firstTrace));
    const status = firstTrace.response?.status ?? 0;
    const oldTransportHint = status >= 400 && status < 500 && !notOldTransport.has(status);
    if (options.transport !== "streamable_http" || !oldTransportHint || deadline.aborted) throw firstFailure;

    const sseTrace: UpstreamTrace = {};
    try {
      return await attempt(options, "sse", sseTrace, deadline);
    } catch (sseError) {
      // Report the fallback's failure only when it got further (an SSE stream opened) or was about credentials;
      // otherwise the URL is simply not an MCP endpoint and the first answer says so best.
      const sse = sseTrace.response;
      const streamOpened = sse !== undefined && sse.status === 200 && isEventStream(sse);
      const refused = sse?.status === 401 || sse?.status === 403;
      throw streamOpened || refused ? toUpstreamError(sseError, context(sseTrace)) : firstFailure;
    }
  }
}

async function attempt(
  options: ConnectUpstreamOptions,
  kind: UpstreamTransport,
  trace: UpstreamTrace,
  deadline: AbortSignal,
): Promise<UpstreamConnection> {
  const url = new URL(options.url);
  const fetch = traceUpstreamFetch(trace, deadline);
  const requestInit: RequestInit = { headers: { ...options.headers } };
  const transport =
    kind === "sse"
      ? new SSEClientTransport(url, { requestInit, fetch })
      : new StreamableHTTPClientTransport(url, {
          requestInit,
          fetch,
          // A connection lives for one short conversation; reconnect timers would outlive it.
          reconnectionOptions: {
            maxRetries: 0,
            initialReconnectionDelay: 1000,
            maxReconnectionDelay: 1000,
            reconnectionDelayGrowFactor: 1,
          },
        });

  // The SDK keeps the negotiated version private; the transport is told it once, right after initialize.
  let protocolVersion: string | null = null;
  const setProtocolVersion = transport.setProtocolVersion.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    protocolVersion = version;
    setProtocolVersion(version);
  };

  const client = new Client(
    { name: "orbit", version: orbitVersion },
    { capabilities: options.capabilities ?? {}, jsonSchemaValidator: createLazySchemaValidator() },
  );
  const close = async () => {
    try {
      if (transport instanceof StreamableHTTPClientTransport)
        await untilDeadline(transport.terminateSession(), deadline);
    } catch {
      // The session ends on the server's side anyway when it times out; nothing to tell the caller.
    }
    await client.close().catch(() => undefined);
  };

  try {
    // The SSE transport's start() waits for the `endpoint` event with no timeout of its own, hence the race.
    await untilDeadline(
      client.connect(transport, { signal: deadline, timeout: options.timeoutMs }),
      deadline,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    client,
    transport: kind,
    protocolVersion,
    signal: deadline,
    toError: (error) =>
      toUpstreamError(error, { url: options.url, timeoutMs: options.timeoutMs, trace, deadline }),
    close,
  };
}

function isEventStream(response: { contentType: string | null }): boolean {
  return (response.contentType ?? "").toLowerCase().startsWith("text/event-stream");
}

function untilDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  if (deadline.aborted) {
    work.catch(() => undefined);
    return Promise.reject(deadline.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(deadline.reason);
    deadline.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener("abort", onAbort));
  });
}
