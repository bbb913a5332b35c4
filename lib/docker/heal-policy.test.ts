import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { demuxDockerLogs } from "./demux-docker-logs";
import { healDelayMs } from "./heal-delay-ms";
import { readHealPolicy } from "./heal-policy";
import { isHealEnabled } from "./is-heal-enabled";
import { parseDockerHost } from "./parse-docker-host";

const env = {
  DATABASE_URL: "postgresql://orbit@127.0.0.1:5432/orbit",
  AUTH_SECRET: "x".repeat(40),
  ORBIT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("the heal policy", () => {
  it("defaults to 5 restarts in 10 minutes, backoff 1 s doubling to 60 s, for containers labelled orbit.heal=true", () => {
    const policy = readHealPolicy(parseEnv(env));
    expect(policy).toMatchObject({ label: "orbit.heal", all: false, maxRestarts: 5, windowMs: 600_000 });
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => healDelayMs(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ]);
  });

  it("heals by another label, or every container, when configured", () => {
    const custom = readHealPolicy(parseEnv({ ...env, ORBIT_HEAL_LABEL: "autoheal" }));
    expect(isHealEnabled({ autoheal: "true" }, custom)).toBe(true);
    expect(isHealEnabled({ "orbit.heal": "true" }, custom)).toBe(false);
    expect(isHealEnabled({ autoheal: "false" }, custom)).toBe(false);
    expect(isHealEnabled({}, readHealPolicy(parseEnv({ ...env, ORBIT_HEAL_ALL: "true" })))).toBe(true);
  });

  it("refuses a maximum backoff below the initial one, and a DOCKER_HOST it cannot use", () => {
    expect(() =>
      parseEnv({ ...env, ORBIT_HEAL_BACKOFF_INITIAL_MS: "5000", ORBIT_HEAL_BACKOFF_MAX_MS: "100" }),
    ).toThrow(/ORBIT_HEAL_BACKOFF_MAX_MS must be at least/);
    expect(() => parseEnv({ ...env, DOCKER_HOST: "/var/run/docker.sock" })).toThrow(/DOCKER_HOST must be/);
  });
});

describe("parseDockerHost", () => {
  it("reads sockets and TCP addresses", () => {
    expect(parseDockerHost("unix:///tmp/podman.sock")).toEqual({ socketPath: "/tmp/podman.sock" });
    expect(parseDockerHost("tcp://10.0.0.5:2375")).toEqual({
      protocol: "http",
      host: "10.0.0.5",
      port: 2375,
    });
    expect(parseDockerHost("https://docker.internal")).toEqual({
      protocol: "https",
      host: "docker.internal",
      port: 2376,
    });
  });
});

describe("demuxDockerLogs", () => {
  const frame = (stream: 1 | 2, text: string) => {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
  };

  it("splits the engine's frames into lines per stream, joining lines cut across frames", () => {
    const payload = Buffer.concat([frame(1, "one\ntw"), frame(2, "oops\n"), frame(1, "o\nthree")]);
    expect(demuxDockerLogs(payload, false)).toEqual([
      { stream: "stdout", text: "one" },
      { stream: "stderr", text: "oops" },
      { stream: "stdout", text: "two" },
      { stream: "stdout", text: "three" },
    ]);
  });

  it("takes a TTY's output as it is", () => {
    expect(demuxDockerLogs(Buffer.from("a\r\nb\n"), true)).toEqual([
      { stream: "stdout", text: "a" },
      { stream: "stdout", text: "b" },
    ]);
  });
});
