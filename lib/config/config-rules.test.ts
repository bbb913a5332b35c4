import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/config-schema";
import { createIpAccessRule } from "@/lib/config/create-ip-access-rule";
import { defaultConfig } from "@/lib/config/default-config";
import { diffConfig } from "@/lib/config/diff-config";
import { resolveConfig } from "@/lib/config/resolve-config";
import { toConfigOverrides } from "@/lib/config/to-config-overrides";
import { parseEnv } from "@/lib/env";

const baseEnv = {
  DATABASE_URL: "postgresql://root@127.0.0.1:5432/x",
  AUTH_SECRET: "a".repeat(32),
  ORBIT_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
};

describe("IP allow and deny lists", () => {
  it("refuses denied addresses and ranges, IPv4 and IPv6, even when also allowed", () => {
    const rule = createIpAccessRule({
      allow: ["10.0.0.0/8", "2001:db8::/32"],
      deny: ["10.1.0.0/16", "2001:db8::5"],
    });
    expect(rule.allows("10.2.3.4")).toBe(true);
    expect(rule.allows("::ffff:10.2.3.4")).toBe(true);
    expect(rule.allows("10.1.2.3")).toBe(false);
    expect(rule.allows("2001:db8::4")).toBe(true);
    expect(rule.allows("2001:db8::5")).toBe(false);
    expect(rule.allows("192.168.1.1")).toBe(false);
  });

  it("lets everyone through without lists, and fails closed on an unknown address only with an allow list", () => {
    expect(createIpAccessRule({ allow: [], deny: [] }).allows("unknown")).toBe(true);
    expect(createIpAccessRule({ allow: [], deny: ["1.2.3.4"] }).allows("unknown")).toBe(true);
    expect(createIpAccessRule({ allow: ["1.2.3.4"], deny: [] }).allows("unknown")).toBe(false);
  });
});

describe("defaults and overrides", () => {
  it("takes its defaults from the environment, so a fresh install behaves as before", () => {
    const defaults = defaultConfig(
      parseEnv({
        ...baseEnv,
        ORBIT_WEBHOOK_MAX_BYTES: "2048",
        ORBIT_GATEWAY_RATE_PER_MINUTE: "77",
        ORBIT_ALLOWED_HOSTS: "Orbit.Example.com, [::1]",
      }),
    );
    expect(defaults.webhooks.maxBodyBytes).toBe(2048);
    expect(defaults.rateLimits.gatewayKey).toBe(77);
    expect(defaults.access.allowedHosts).toEqual(["orbit.example.com", "::1"]);
    expect(defaults.toolCalls).toEqual({
      timeoutMs: 30_000,
      retries: 2,
      backoffBaseMs: 200,
      backoffMaxMs: 5_000,
    });
    expect(configSchema.safeParse(defaults).success).toBe(true);
    expect(defaultConfig(parseEnv(baseEnv)).access.allowedHosts).toEqual(["localhost", "127.0.0.1", "::1"]);
  });

  it("stores only what differs from the defaults, so untouched fields keep following the environment", () => {
    const defaults = defaultConfig(parseEnv(baseEnv));
    const edited = structuredClone(defaults);
    edited.circuit.openMs = 60_000;
    edited.access.ipDeny = ["198.18.0.0/15"];
    const overrides = toConfigOverrides(edited, defaults);
    expect(overrides).toEqual({ circuit: { openMs: 60_000 }, access: { ipDeny: ["198.18.0.0/15"] } });

    const newDefaults = defaultConfig(parseEnv({ ...baseEnv, ORBIT_WEBHOOK_MAX_BYTES: "4096" }));
    const resolved = resolveConfig(newDefaults, overrides);
    expect(resolved.webhooks.maxBodyBytes).toBe(4096);
    expect(resolved.circuit.openMs).toBe(60_000);
    expect(diffConfig(defaults, edited)).toEqual([
      { path: "circuit.openMs", before: 30_000, after: 60_000 },
      { path: "access.ipDeny", before: [], after: ["198.18.0.0/15"] },
    ]);
  });

  it("reads the form's text: numbers from strings, lists one per line or comma-separated", () => {
    const defaults = defaultConfig(parseEnv(baseEnv));
    const parsed = configSchema.parse({
      ...defaults,
      toolCalls: { ...defaults.toolCalls, retries: "4" },
      access: { allowedHosts: "a.example\nB.example, *", ipAllow: "", ipDeny: "10.0.0.1\n" },
    });
    expect(parsed.toolCalls.retries).toBe(4);
    expect(parsed.access).toEqual({
      allowedHosts: ["a.example", "b.example", "*"],
      ipAllow: [],
      ipDeny: ["10.0.0.1"],
    });
    const bad = configSchema.safeParse({ ...defaults, toolCalls: { ...defaults.toolCalls, retries: "" } });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ["toolCalls", "retries"],
      message: "Enter a number (retries)",
    });
  });
});
