import { describe, expect, it } from "vitest";
import { type EngineEvent, parseEngineEvent } from "./parse-engine-event";
import { wasStoppedOnPurpose } from "./was-stopped-on-purpose";

// Event sequences as the engines emit them (Docker's documentation; Podman 4.3 observed on these machines).
let clock = 1_795_000_000_000_000_000n;
function event(action: string, attributes: Record<string, string> = {}): EngineEvent {
  clock += 1_000_000n;
  const parsed = parseEngineEvent({
    Type: "container",
    Action: action,
    Actor: { ID: "c1", Attributes: { name: "web", ...attributes } },
    timeNano: clock.toString(),
  });
  if (!parsed) throw new Error("not an event");
  return parsed;
}

function verdict(history: EngineEvent[]): boolean {
  const die = history.find((e) => e.kind === "die");
  if (!die) throw new Error("no die in the sequence");
  return wasStoppedOnPurpose(history, die);
}

describe("wasStoppedOnPurpose", () => {
  it("sees Docker's stop (kill 15, die, stop) and kill (kill 9, die)", () => {
    expect(
      verdict([
        event("start"),
        event("kill", { signal: "15" }),
        event("die", { exitCode: "143" }),
        event("stop"),
      ]),
    ).toBe(true);
    expect(
      verdict([
        event("start"),
        event("kill", { signal: "15" }),
        event("kill", { signal: "9" }),
        event("die", { exitCode: "137" }),
      ]),
    ).toBe(true);
  });

  it("sees Podman's kill (no signal given) and its stop (a die followed by two cleanups)", () => {
    expect(
      verdict([event("start"), event("kill"), event("die", { exitCode: "137" }), event("cleanup")]),
    ).toBe(true);
    expect(
      verdict([event("start"), event("died", { exitCode: "137" }), event("cleanup"), event("cleanup")]),
    ).toBe(true);
    expect(
      verdict([event("start"), event("stop"), event("died", { exitCode: "137" }), event("cleanup")]),
    ).toBe(true);
  });

  it("takes a crash, an OOM kill or a kill from outside the engine for a failure", () => {
    expect(verdict([event("start"), event("die", { exitCode: "1" }), event("cleanup")])).toBe(false);
    expect(verdict([event("start"), event("oom"), event("die", { exitCode: "137" }), event("cleanup")])).toBe(
      false,
    );
    expect(verdict([event("start"), event("die", { exitCode: "137" })])).toBe(false);
  });

  it("does not take a reload signal, or a stop before the last start, for a stop of this run", () => {
    expect(
      verdict([event("start"), event("kill", { signal: "SIGHUP" }), event("die", { exitCode: "2" })]),
    ).toBe(false);
    expect(
      verdict([
        event("kill", { signal: "15" }),
        event("stop"),
        event("start"),
        event("die", { exitCode: "1" }),
        event("cleanup"),
      ]),
    ).toBe(false);
    // The cleanups of a later run do not count for this one.
    expect(
      verdict([
        event("start"),
        event("die", { exitCode: "1" }),
        event("cleanup"),
        event("start"),
        event("cleanup"),
      ]),
    ).toBe(false);
  });
});
