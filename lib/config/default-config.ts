import type { ConfigSettings } from "@/lib/config/config-schema";
import type { Env } from "@/lib/env";

/**
 * The configuration in force before anyone saves a version: each field is what Orbit did before configuration was
 * hot, the environment variable where there was one, else the constant the code used. A saved version overrides
 * fields one by one, so an unset field keeps following the environment.
 */
export function defaultConfig(env: Env): ConfigSettings {
  return {
    toolCalls: { timeoutMs: 30_000, retries: 2, backoffBaseMs: 200, backoffMaxMs: 5_000 },
    cache: { defaultTtlSeconds: 0 },
    circuit: { failureThreshold: 5, windowMs: 60_000, openMs: 30_000, halfOpenMaxCalls: 1 },
    rateLimits: {
      loginAccount: 5,
      loginIp: 20,
      webhookIntegration: env.ORBIT_WEBHOOK_RATE_PER_MINUTE,
      webhookSourceIp: env.ORBIT_WEBHOOK_IP_RATE_PER_MINUTE,
      gatewayKey: env.ORBIT_GATEWAY_RATE_PER_MINUTE,
    },
    webhooks: { maxBodyBytes: env.ORBIT_WEBHOOK_MAX_BYTES },
    access: { allowedHosts: defaultAllowedHosts(env), ipAllow: [], ipDeny: [] },
  };
}

// ORBIT_ALLOWED_HOSTS, else loopback names plus the hosts Orbit is told it is reached at.
function defaultAllowedHosts(env: Env): string[] {
  const hosts = env.ORBIT_ALLOWED_HOSTS
    ? env.ORBIT_ALLOWED_HOSTS.split(",")
    : [
        "localhost",
        "127.0.0.1",
        "::1",
        env.ORBIT_HOST,
        env.ORBIT_PUBLIC_URL ? new URL(env.ORBIT_PUBLIC_URL).hostname : "",
      ];
  const cleaned = hosts
    .map((h) =>
      h
        .trim()
        .replace(/^\[|\]$/g, "")
        .toLowerCase(),
    )
    .filter((h) => h && h !== "0.0.0.0" && h !== "::");
  return [...new Set(cleaned)];
}
