import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { log } from "@/lib/telemetry/log";
import { withRequestContext } from "@/lib/telemetry/request-context";

// What an operator's log shipper receives: one JSON object per line on stdout (info) or stderr (warn, error).

afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  const lines = { out: [] as unknown[], err: [] as unknown[] };
  const parse = (line: unknown) => JSON.parse(String(line)) as Record<string, unknown>;
  vi.spyOn(console, "log").mockImplementation((line) => lines.out.push(parse(line)));
  vi.spyOn(console, "warn").mockImplementation((line) => lines.err.push(parse(line)));
  vi.spyOn(console, "error").mockImplementation((line) => lines.err.push(parse(line)));
  return lines;
}

describe("log", () => {
  it("writes one JSON line with time, level, msg, the request id of the request being served and the fields", async () => {
    const lines = capture();
    log.info("outside any request", { server: "github" });
    await withRequestContext("req-1", async () => {
      await Promise.resolve();
      log.warn("inside one", { attempts: 2, skipped: undefined });
    });
    expect(lines.out).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: "info",
        msg: "outside any request",
        server: "github",
      },
    ]);
    expect(lines.err).toEqual([
      { time: expect.any(String), level: "warn", msg: "inside one", requestId: "req-1", attempts: 2 },
    ]);
  });

  it("keeps an error's stack and causes, and drops debug lines at the default level", () => {
    const lines = capture();
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    log.error("query failed", { requestId: "req-2", error: new Error("database unavailable", { cause }) });
    log.debug("noise");
    expect(lines.out).toEqual([]);
    expect(lines.err).toEqual([
      {
        time: expect.any(String),
        level: "error",
        msg: "query failed",
        requestId: "req-2",
        error: {
          name: "Error",
          message: "database unavailable",
          stack: expect.stringContaining("log.test.ts"),
          cause: {
            name: "Error",
            message: "connect ECONNREFUSED 127.0.0.1:5432",
            code: "ECONNREFUSED",
            stack: expect.any(String),
          },
        },
      },
    ]);
  });
});

describe("errorResponse", () => {
  it("sends the envelope without internals and logs the stack under the same request id", async () => {
    const lines = capture();
    const response = errorResponse(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      "req-3",
    );
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      error: { code: "internal", message: "Something went wrong on our side." },
      requestId: "req-3",
    });
    expect(body).not.toContain("reading 'id'");
    expect(lines.err).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "unhandled error",
        requestId: "req-3",
        error: expect.objectContaining({
          name: "TypeError",
          message: "Cannot read properties of undefined (reading 'id')",
          stack: expect.stringContaining("TypeError"),
        }),
      }),
    ]);
  });

  it("logs nothing for a refusal: a 4xx is the client's business, not an operator's", () => {
    const lines = capture();
    expect(errorResponse(new AppError("not_found", "No such server."), "req-4").status).toBe(404);
    expect(lines.err).toEqual([]);
  });
});
