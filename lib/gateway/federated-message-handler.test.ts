import { afterEach, describe, expect, it, vi } from "vitest";
import type { FederatedMcpSession } from "./mcp-session-store";

const noted = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/servers/note-upstream-list-changed", () => ({
  noteUpstreamListChanged: (change: unknown) => noted.push(change),
}));

const { federatedMessageHandler } = await import("./federated-message-handler");

const server = { serverId: "server-1", alias: "everything" };
const session = (capabilities: Record<string, unknown>): FederatedMcpSession => ({
  id: "s",
  kind: "federated",
  apiKeyId: "k",
  initializeParams: { capabilities },
});
const as = (message: object) => ({ event: "message", id: "upstream-event-7", data: JSON.stringify(message) });

afterEach(() => {
  noted.length = 0;
});

describe("federatedMessageHandler", () => {
  it("passes a sampling request to a client that declared sampling, under the federated id", async () => {
    const reply = vi.fn();
    const handle = federatedMessageHandler({ session: session({ sampling: {} }), server });
    const request = { jsonrpc: "2.0", id: 3, method: "sampling/createMessage", params: { maxTokens: 5 } };
    const out = await handle(as(request), request, reply);
    expect(JSON.parse(out!.data)).toEqual({ ...request, id: "everything:3" });
    // Orbit's stream resumes nothing of the upstream's: its event ids stay behind.
    expect(out!.id).toBeUndefined();
    expect(reply).not.toHaveBeenCalled();
  });

  it("refuses to the upstream, not the client, a request for a capability the client did not declare", async () => {
    const reply = vi.fn(async (_answer: unknown) => {});
    const handle = federatedMessageHandler({ session: session({ sampling: {} }), server });
    for (const method of ["elicitation/create", "roots/list"]) {
      const request = { jsonrpc: "2.0", id: "r1", method };
      expect(await handle(as(request), request, reply)).toBeNull();
    }
    expect(reply.mock.calls.map(([answer]) => answer)).toEqual([
      expect.objectContaining({ id: "r1", error: expect.objectContaining({ code: -32601 }) }),
      expect.objectContaining({ id: "r1", error: expect.objectContaining({ code: -32601 }) }),
    ]);
  });

  it("turns an upstream's list_changed into a registry refresh instead of passing it on, and passes the rest", async () => {
    const handle = federatedMessageHandler({ session: session({}), server });
    const changed = { jsonrpc: "2.0", method: "notifications/tools/list_changed" };
    expect(await handle(as(changed), changed, vi.fn())).toBeNull();
    expect(noted).toEqual([{ serverId: "server-1", list: "tools" }]);

    const progress = {
      jsonrpc: "2.0",
      method: "notifications/progress",
      params: { progressToken: 1, progress: 2 },
    };
    expect(JSON.parse((await handle(as(progress), progress, vi.fn()))!.data)).toEqual(progress);
  });
});
