import { describe, expect, it, vi } from "vitest";

// The refresh itself (an upstream inspection, a transaction) is tested with the registry; here only how often it runs.
const refreshes = vi.hoisted(() => ({ calls: [] as string[], release: null as null | (() => void) }));
vi.mock("./refresh-server-tools", () => ({
  refreshServerTools: async ({ serverId }: { serverId: string }) => {
    refreshes.calls.push(serverId);
    if (refreshes.release === null) await new Promise<void>((resolve) => (refreshes.release = resolve));
    return { server: { slug: serverId }, tools: { added: 0, changed: 0, removed: 0 } };
  },
}));

const { noteUpstreamListChanged } = await import("./note-upstream-list-changed");

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("noteUpstreamListChanged", () => {
  it("refreshes a server's tools once per burst, and once more for a change announced during the refresh", async () => {
    for (let i = 0; i < 5; i++) noteUpstreamListChanged({ serverId: "burst", list: "tools" });
    noteUpstreamListChanged({ serverId: "other", list: "tools" });
    await eventually(() => refreshes.calls.length === 2);
    expect(refreshes.calls.sort()).toEqual(["burst", "other"]);

    // Still refreshing: announcements now are folded into one refresh after this one.
    noteUpstreamListChanged({ serverId: "burst", list: "tools" });
    noteUpstreamListChanged({ serverId: "burst", list: "tools" });
    refreshes.release!();
    await eventually(() => refreshes.calls.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(refreshes.calls.filter((id) => id === "burst")).toHaveLength(2);
  });
});
