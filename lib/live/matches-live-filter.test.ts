import { describe, expect, it } from "vitest";
import type { LiveEvent } from "./live-event";
import { matchesLiveFilter } from "./matches-live-filter";

const event: LiveEvent = {
  id: "1-0",
  at: "2026-11-22T00:00:00.000Z",
  kind: "error",
  level: "error",
  server: "everything",
  message: "gateway everything/echo failed (upstream_timeout) 1200 ms",
  data: { requestId: "req-42", attempts: 2 },
};
const none = { kind: "", level: "", server: "", text: "" };

describe("matchesLiveFilter", () => {
  it("keeps an event whose kind, level, server and text all match", () => {
    expect(matchesLiveFilter(event, none)).toBe(true);
    expect(
      matchesLiveFilter(event, { kind: "error", level: "error", server: "everything", text: "ECHO" }),
    ).toBe(true);
    // The request id lives in data, not the message: pasting it from an error envelope still finds the line.
    expect(matchesLiveFilter(event, { ...none, text: "req-42" })).toBe(true);
  });

  it("drops an event that differs in any one filter", () => {
    expect(matchesLiveFilter(event, { ...none, kind: "request" })).toBe(false);
    expect(matchesLiveFilter(event, { ...none, level: "info" })).toBe(false);
    expect(matchesLiveFilter(event, { ...none, server: "other" })).toBe(false);
    expect(matchesLiveFilter(event, { ...none, text: "succeeded" })).toBe(false);
  });
});
