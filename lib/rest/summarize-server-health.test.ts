import { describe, expect, it } from "vitest";
import type { ReplicaCircuit } from "@/lib/tool-calls/peek-replica-circuits";
import { summarizeServerHealth } from "./summarize-server-health";

const replica = (state: ReplicaCircuit["state"]): ReplicaCircuit => ({
  backend: "http://a",
  weight: 1,
  state,
});

describe("summarizeServerHealth", () => {
  it("is up when every circuit is closed, down when every one is open, degraded in between", () => {
    expect(summarizeServerHealth(true, [replica("closed"), replica("closed")])).toBe("up");
    expect(summarizeServerHealth(true, [replica("closed"), replica("open")])).toBe("degraded");
    expect(summarizeServerHealth(true, [replica("half_open")])).toBe("degraded");
    expect(summarizeServerHealth(true, [replica("open"), replica("open")])).toBe("down");
    expect(summarizeServerHealth(true, [])).toBe("down");
  });

  it("says disabled for a disabled server whatever its circuits say", () => {
    expect(summarizeServerHealth(false, [replica("closed")])).toBe("disabled");
  });
});
