import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { toUpstreamError } from "./to-upstream-error";
import type { UpstreamTrace } from "./upstream-trace";

const url = "https://user:pw@mcp.example.com:8443/v1/mcp?api_key=hunter2#x";
const map = (error: unknown, trace: UpstreamTrace = {}, deadline = new AbortController().signal) =>
  toUpstreamError(error, { url, timeoutMs: 5000, trace, deadline });

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:8443`), { code });
}

describe("toUpstreamError", () => {
  it("names the cause of a network failure from the cause chain, without credentials or query", () => {
    const error = map(new TypeError("fetch failed", { cause: socketError("ECONNRESET") }));
    expect(error).toMatchObject({
      code: "upstream_error",
      message: "Could not reach https://mcp.example.com:8443: the connection was reset",
    });
  });

  it("finds the code inside an AggregateError (localhost tried on ::1 and 127.0.0.1)", () => {
    const cause = new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")]);
    expect(map(new TypeError("fetch failed", { cause })).message).toBe(
      "Could not reach https://mcp.example.com:8443: connection refused",
    );
  });

  it("reports TLS failures as such", () => {
    const error = map(new TypeError("fetch failed", { cause: socketError("DEPTH_ZERO_SELF_SIGNED_CERT") }));
    expect(error.message).toBe(
      "Could not reach https://mcp.example.com:8443: TLS failed (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
  });

  it("prefers what the wire said: credentials refused", () => {
    const error = map(new Error("Streamable HTTP error: whatever"), {
      response: { status: 403, contentType: null },
    });
    expect(error.message).toBe("https://mcp.example.com:8443 refused our credentials (HTTP 403)");
  });

  it("calls a 2xx or 4xx answer that is not MCP what it is, and a 5xx a server error", () => {
    const html = { response: { status: 200, contentType: "text/html" } };
    expect(map(new Error("Unexpected content type: text/html"), html).message).toBe(
      "https://mcp.example.com:8443/v1/mcp answered but is not an MCP server (HTTP 200)",
    );
    expect(
      map(new SyntaxError("Unexpected token <"), { response: { status: 502, contentType: null } }).message,
    ).toBe("https://mcp.example.com:8443/v1/mcp answered with a server error (HTTP 502)");
  });

  it("turns an elapsed deadline or an SDK request timeout into upstream_timeout", () => {
    const elapsed = AbortSignal.abort(new DOMException("timed out", "TimeoutError"));
    expect(map(new Error("anything"), {}, elapsed)).toMatchObject({
      code: "upstream_timeout",
      message: "https://mcp.example.com:8443 did not answer within 5000 ms",
    });
    expect(map(new McpError(ErrorCode.RequestTimeout, "Request timed out")).code).toBe("upstream_timeout");
  });

  it("passes an MCP server's own error message on, without the SDK's prefix", () => {
    const error = map(new McpError(ErrorCode.InternalError, "database is down"), {
      response: { status: 200, contentType: "application/json" },
    });
    expect(error.message).toBe("https://mcp.example.com:8443 answered with an MCP error: database is down");
  });

  it("keeps the original error as the cause and out of the message", () => {
    const original = new Error("secret internals\n    at somewhere (file.js:1:1)");
    const error = map(original);
    expect(error.cause).toBe(original);
    expect(error.message).toBe("Could not talk to https://mcp.example.com:8443: the connection failed");
  });
});
