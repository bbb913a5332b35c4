import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { displayOrigin, displayUrl } from "@/lib/http/display-url";
import { CONNECT_ERROR_CODES, findSocketError } from "@/lib/http/find-socket-error";
import { findHttpStatus } from "@/lib/mcp/find-http-status";
import { isUnknownSessionAnswer } from "@/lib/mcp/is-unknown-session-answer";
import type { CircuitOutcome } from "@/lib/resilience/circuit-breaker";

export type CallFailure = {
  error: AppError;
  /** False only when the request provably never reached the server, which makes any tool safe to call again. */
  reachedServer: boolean;
  /** What the failure says about the server's health: transport errors, timeouts and 5xx count against it. */
  circuit: CircuitOutcome;
  /** Another attempt could go differently (a reset, a 5xx), unlike a refused credential or an invalid argument. */
  transient: boolean;
  /** The pooled connection should be replaced before the next call. */
  broken: boolean;
};

/**
 * Sorts a failed attempt into what the retry and circuit steps need. `stage` says whether the failure came while
 * getting a connection (initialize: the tool call was not sent yet) or during the call itself; `toError` maps a raw
 * error to the operator-readable AppError of the connection that failed.
 */
export function classifyCallFailure(
  error: unknown,
  context: {
    stage: "connect" | "call";
    url: string;
    timeoutMs: number;
    deadline: AbortSignal;
    callerSignal?: AbortSignal;
    toError?: (error: unknown) => AppError;
  },
): CallFailure {
  const reachedIfSent = context.stage === "call";
  if (context.callerSignal?.aborted) {
    const reason: unknown = context.callerSignal.reason;
    const appError = isAppError(reason)
      ? reason
      : new AppError("upstream_error", "The tool call was cancelled before the server answered", {
          cause: reason,
        });
    // The caller leaving says nothing about the server.
    return {
      error: appError,
      reachedServer: reachedIfSent,
      circuit: "release",
      transient: false,
      broken: false,
    };
  }
  if (context.deadline.aborted || (error instanceof McpError && error.code === ErrorCode.RequestTimeout)) {
    const appError = new AppError(
      "upstream_timeout",
      `${displayOrigin(context.url)} did not answer within ${context.timeoutMs} ms`,
      { cause: error, details: { url: displayUrl(context.url), timeoutMs: context.timeoutMs } },
    );
    return {
      error: appError,
      reachedServer: reachedIfSent,
      circuit: "failure",
      transient: true,
      broken: context.stage === "connect",
    };
  }

  const appError = isAppError(error)
    ? error
    : (context.toError?.(error) ??
      new AppError("upstream_error", `Could not talk to ${displayOrigin(context.url)}`, { cause: error }));
  const raw = isAppError(error) ? error.cause : error;
  const status = findHttpStatus(raw);
  const socket = findSocketError(raw);

  if (context.stage === "connect") {
    // Nothing of the tool call was sent. A 4xx here is configuration (credentials, wrong URL), not ill health.
    const misconfigured = status !== undefined && status >= 400 && status < 500 && status !== 429;
    return {
      error: appError,
      reachedServer: false,
      circuit: misconfigured ? "release" : "failure",
      transient: !misconfigured,
      broken: true,
    };
  }

  if (raw instanceof McpError && raw.code !== ErrorCode.ConnectionClosed) {
    // A JSON-RPC error is an answer: the server is up and said no, and asking again gets the same no.
    return { error: appError, reachedServer: true, circuit: "success", transient: false, broken: false };
  }
  if (status !== undefined) {
    if (status >= 500) {
      return { error: appError, reachedServer: true, circuit: "failure", transient: true, broken: false };
    }
    // The spec's answer to an unknown session (the server restarted): refused before processing, reconnect. Some
    // servers (server-everything among them) say 400 "No valid session ID" instead; that is the same refusal.
    if (isUnknownSessionAnswer(status, rawMessage(raw))) {
      return { error: appError, reachedServer: false, circuit: "release", transient: true, broken: true };
    }
    if (status === 429) {
      return { error: appError, reachedServer: true, circuit: "release", transient: true, broken: false };
    }
    return { error: appError, reachedServer: true, circuit: "release", transient: false, broken: false };
  }
  if (
    socket &&
    (CONNECT_ERROR_CODES.has(socket.code) || socket.syscall === "connect" || socket.syscall === "getaddrinfo")
  ) {
    return { error: appError, reachedServer: false, circuit: "failure", transient: true, broken: true };
  }
  // A reset, a socket closed mid-answer, anything else: the server may have run the tool.
  return { error: appError, reachedServer: true, circuit: "failure", transient: true, broken: true };
}

function rawMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "");
}
