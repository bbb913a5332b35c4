import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseEngineEvent } from "./parse-engine-event";
import { readEngineEvents } from "./read-engine-events";

const dockerHealth = {
  status: "health_status: unhealthy",
  id: "abc",
  from: "nginx",
  Type: "container",
  Action: "health_status: unhealthy",
  Actor: { ID: "abc", Attributes: { image: "nginx", name: "web", "orbit.heal": "true" } },
  scope: "local",
  time: 1795306283,
  // A JSON number in the stream; written as a string here since no JS number holds all its digits.
  timeNano: "1795306283123456789",
};
// Podman 4.3 through its Docker API: `died` in its own log, no status with health_status, labels as attributes.
const podmanDie = {
  status: "die",
  id: "def",
  from: "localhost/busybox:test",
  Type: "container",
  Action: "die",
  Actor: {
    ID: "def",
    Attributes: {
      containerExitCode: "137",
      exitCode: "137",
      image: "localhost/busybox:test",
      name: "b1",
      podId: "",
    },
  },
  time: 1795306275,
  timeNano: "1795306275816364906",
};

describe("parseEngineEvent", () => {
  it("reads Docker's health_status with its value, and the labels", () => {
    const event = parseEngineEvent(dockerHealth);
    expect(event).toMatchObject({
      containerId: "abc",
      kind: "health_status",
      healthStatus: "unhealthy",
      name: "web",
    });
    expect(event?.attributes["orbit.heal"]).toBe("true");
  });

  it("reads Podman's die with its exit code, and Podman's bare health_status as unknown", () => {
    expect(parseEngineEvent(podmanDie)).toMatchObject({ kind: "die", exitCode: 137, healthStatus: null });
    expect(
      parseEngineEvent({ ...podmanDie, Action: "health_status", status: "health_status" }),
    ).toMatchObject({
      kind: "health_status",
      healthStatus: null,
      exitCode: null,
    });
  });

  it("ignores other event types", () => {
    expect(parseEngineEvent({ ...dockerHealth, Type: "image" })).toBeNull();
    expect(parseEngineEvent("nonsense")).toBeNull();
  });
});

describe("readEngineEvents", () => {
  it("reassembles lines split across chunks and skips what is not JSON", async () => {
    const text = `${JSON.stringify(dockerHealth)}\nnot json\n${JSON.stringify(podmanDie)}\n`;
    const chunks = [text.slice(0, 17), text.slice(17, 300), text.slice(300)].map((part) => Buffer.from(part));
    const events = [];
    for await (const event of readEngineEvents(Readable.from(chunks))) events.push(event.kind);
    expect(events).toEqual(["health_status", "die"]);
  });
});
