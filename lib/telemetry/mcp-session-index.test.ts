import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  deleteMcpSession,
  loadMcpSession,
  type McpSession,
  saveMcpSession,
} from "@/lib/gateway/mcp-session-store";
import { scrapeMetrics } from "@/lib/telemetry/scrape-metrics";

// Without Redis (one instance): sessions and their count live in this process. Redis is switched off for this file
// before anything reads the environment.
vi.hoisted(() => {
  delete process.env.REDIS_URL;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
});

const HOUR = 60 * 60 * 1000;
const scraper = { id: "k", name: "prometheus", scopes: ["metrics"], allowedTools: [], deniedTools: [] };

afterEach(() => {
  vi.useRealTimers();
});

/** orbit_mcp_sessions as /api/metrics shows it. */
async function sessions(): Promise<Record<string, number>> {
  const { body } = await scrapeMetrics({ actor: scraper });
  const found: Record<string, number> = {};
  for (const match of body.matchAll(/^orbit_mcp_sessions\{endpoint="(\w+)"\} (\d+)$/gm)) {
    found[match[1]!] = Number(match[2]);
  }
  return found;
}

function passthrough(): McpSession {
  return {
    id: randomUUID(),
    serverId: randomUUID(),
    apiKeyId: randomUUID(),
    replicaUrl: "http://127.0.0.1:1/mcp",
    upstreamSessionId: null,
    initializeParams: {},
  };
}

describe("orbit_mcp_sessions without Redis", () => {
  it("counts live sessions per endpoint: saved, kept alive by use, gone when deleted or expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-01T00:00:00Z"));
    const kept = passthrough();
    const idle = passthrough();
    await saveMcpSession(kept);
    await saveMcpSession(idle);
    await saveMcpSession({
      id: randomUUID(),
      kind: "federated",
      apiKeyId: randomUUID(),
      initializeParams: {},
    });
    // Saving again (a session moved to another replica) is still one session.
    await saveMcpSession({ ...kept, replicaUrl: "http://127.0.0.1:2/mcp" });
    expect(await sessions()).toEqual({ passthrough: 2, federated: 1 });

    // A use extends a session's day; the others run out 24 h after they were saved.
    vi.setSystemTime(Date.now() + 23 * HOUR);
    expect(await loadMcpSession(kept.id)).toMatchObject({ id: kept.id });
    vi.setSystemTime(Date.now() + 2 * HOUR);
    expect(await sessions()).toEqual({ passthrough: 1, federated: 0 });
    expect(await loadMcpSession(idle.id)).toBeNull();

    await deleteMcpSession(kept.id);
    expect(await sessions()).toEqual({ passthrough: 0, federated: 0 });
  });
});
