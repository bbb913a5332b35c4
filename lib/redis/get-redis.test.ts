import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_REDIS_URL } from "@/lib/redis/create-test-redis";

// getEnv() parses process.env once per process, so each case loads get-redis afresh over a stubbed environment.
async function loadWithEnv(env: {
  REDIS_URL?: string;
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
}) {
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({ getEnv: () => env }));
  return import("@/lib/redis/get-redis");
}

afterEach(async () => {
  // The client lives on globalThis, which outlives vi.resetModules(); closeRedis() clears it.
  const { closeRedis } = await import("@/lib/redis/get-redis");
  await closeRedis();
  vi.doUnmock("@/lib/env");
  vi.restoreAllMocks();
});

describe("getRedis", () => {
  it("returns null and warns once when no Redis is configured", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { getRedis, pingRedis } = await loadWithEnv({});

    expect(getRedis()).toBeNull();
    expect(getRedis()).toBeNull();
    expect(await pingRedis()).toBe("not_configured");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toMatchObject({
      level: "warn",
      msg: "No Redis configured: rate limits and caches are per-process (set REDIS_URL or UPSTASH_REDIS_REST_URL)",
    });
  });

  it.runIf(TEST_REDIS_URL !== null)("builds one TCP client from REDIS_URL and reuses it", async () => {
    const { getRedis, pingRedis, closeRedis } = await loadWithEnv({ REDIS_URL: TEST_REDIS_URL ?? undefined });
    const first = getRedis();
    expect(first).not.toBeNull();
    expect(getRedis()).toBe(first);
    expect(await pingRedis()).toBe("ok");

    await closeRedis();
    const second = getRedis();
    expect(second).not.toBe(first);
    expect(await pingRedis()).toBe("ok");
  });

  it("prefers Upstash REST when its URL and token are set", async () => {
    // A local server speaking the Upstash REST wire format stands in for Upstash.
    const seen: { path?: string; auth?: string; body?: unknown }[] = [];
    const pong = { result: Buffer.from("PONG").toString("base64") };
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const commands = JSON.parse(body);
        seen.push({ path: req.url, auth: req.headers.authorization, body: commands });
        res.setHeader("content-type", "application/json");
        // The REST client auto-pipelines by default, so even a lone PING arrives as a one-command pipeline.
        res.end(JSON.stringify(req.url === "/pipeline" ? commands.map(() => pong) : pong));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // REDIS_URL is set too, to show Upstash wins; no TCP connection is made, so no real Redis is needed.
      const { getRedis, pingRedis } = await loadWithEnv({
        REDIS_URL: TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
        UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${port}`,
        UPSTASH_REDIS_REST_TOKEN: "test-token",
      });
      expect(getRedis()).not.toBeNull();
      expect(await pingRedis()).toBe("ok");
      expect(seen).toEqual([{ path: "/pipeline", auth: "Bearer test-token", body: [["ping"]] }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
