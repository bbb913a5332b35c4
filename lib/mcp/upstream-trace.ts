import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";

/** What the wire said during one upstream conversation, so failures can be explained from facts rather than from
 * the SDK's error strings, which change between releases. */
export type UpstreamTrace = {
  /** The last response that tells us something: status and content type. */
  response?: { status: number; contentType: string | null };
  /** The last network-level failure (refused, DNS, TLS, reset). */
  networkError?: unknown;
};

/**
 * Wraps fetch so every request of the conversation stops at `deadline` and its outcome lands in `trace`.
 * The SDK's transports accept a custom fetch, which is the only place that sees every request, the SSE GET included.
 */
export function traceUpstreamFetch(trace: UpstreamTrace, deadline: AbortSignal): FetchLike {
  return async (url, init) => {
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const method = (init?.method ?? "GET").toUpperCase();
    try {
      const response = await fetch(url, { ...init, signal });
      // A GET answered 405 is the spec's way of saying "no standalone stream here", and a DELETE only ends the
      // session: neither says anything about whether the server works, so neither may mask a real failure.
      if (method !== "DELETE" && !(method === "GET" && response.status === 405)) {
        trace.response = { status: response.status, contentType: response.headers.get("content-type") };
      }
      return response;
    } catch (error) {
      if (!signal.aborted) trace.networkError = error;
      throw error;
    }
  };
}
