import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChangingMcpServer } from "@/lib/test/start-changing-mcp-server";
import { createClientPool } from "./create-client-pool";

let upstream: { url: string; stop(): Promise<void> };
beforeAll(async () => {
  upstream = await startChangingMcpServer();
});
afterAll(async () => {
  await upstream?.stop();
});

describe("createClientPool", () => {
  it("reports an upstream's tools/list_changed heard on a pooled connection, by URL", async () => {
    const changes: unknown[] = [];
    const pool = createClientPool({ onListChanged: (change) => changes.push(change) });
    try {
      const lease = await pool.acquire({
        url: upstream.url,
        transport: "streamable_http",
        connectTimeoutMs: 5_000,
      });
      await lease.connection.client.callTool({ name: "add-tool", arguments: { name: "from-the-pool" } });
      lease.release();
      // Heard twice (on the call's stream and the connection's own), reported as heard: the receiver debounces.
      expect(changes.length).toBeGreaterThan(0);
      expect(changes[0]).toEqual({ url: upstream.url, list: "tools" });
    } finally {
      await pool.closeAll();
    }
  });
});
