import type { Redis } from "@upstash/redis";
import { peekConfig } from "@/lib/config/peek-config";
import { getRedis } from "@/lib/redis/get-redis";
import { createRateLimiter } from "@/lib/resilience/create-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "@/lib/resilience/rate-limiter";

const MINUTE = 60_000;
// Below a human's patience, above the TCP transport's command timeout (1.5 s) so its clearer error wins.
const STORE_TIMEOUT_MS = 2_000;

type PolicyDefinition = Omit<RateLimitPolicy, "limit"> & {
  /** The limit in force: read from the hot configuration (lib/config), whose defaults are the environment's. */
  limit: () => number;
};

type PolicyEntry = Readonly<Omit<RateLimitPolicy, "limit">> & {
  /** The limit in force (the hot configuration's, so it follows every saved version). */
  limit(): number;
  limiter(): RateLimiter;
};

// Built on first use, not at import: choosing Redis and reading configured limits both read the environment, which
// `next build` and tests may not have. Rebuilt only when the process-wide client changes (closeRedis() in tests) or
// a configuration version changes the limit, never per call. Counts live under the same prefix, so a Redis-backed
// limiter keeps them across the rebuild (the in-process fallback starts afresh).
function definePolicy(definition: PolicyDefinition): PolicyEntry {
  let built: { redis: Redis | null; limit: number; limiter: RateLimiter } | undefined;
  const { limit } = definition;
  return {
    ...definition,
    limit,
    limiter() {
      const redis = getRedis();
      const current = limit();
      if (built?.redis !== redis || built.limit !== current) {
        built = {
          redis,
          limit: current,
          limiter: createRateLimiter({ ...definition, limit: current }, redis),
        };
      }
      return built.limiter;
    },
  };
}

const configured = (name: keyof ReturnType<typeof peekConfig>["settings"]["rateLimits"]) => () =>
  peekConfig().settings.rateLimits[name];

/**
 * Every rate limit in Orbit, by name. Key each one on something a client cannot choose freely: a normalized account
 * email, a validated client IP, an integration or API-key id. Add a policy here rather than building a limiter at a
 * call site; later ones (per integration, per source IP, per API key) follow the same shape.
 */
export const rateLimitPolicies = {
  /** Failed sign-ins per account: slows password guessing against one user from many addresses. */
  loginAccount: definePolicy({
    prefix: "orbit:rl:login-account",
    limit: configured("loginAccount"),
    windowMs: 15 * MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Failed sign-ins per client IP: slows one address trying many accounts. */
  loginIp: definePolicy({
    prefix: "orbit:rl:login-ip",
    limit: configured("loginIp"),
    windowMs: 15 * MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Webhooks per integration: one noisy platform (or a leaked URL) cannot starve the others. */
  webhookIntegration: definePolicy({
    prefix: "orbit:rl:webhook-integration",
    limit: configured("webhookIntegration"),
    windowMs: MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Webhooks per source IP, counted before the slug is looked up, so guessing slugs is slow too. */
  webhookSourceIp: definePolicy({
    prefix: "orbit:rl:webhook-ip",
    limit: configured("webhookSourceIp"),
    windowMs: MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Gateway requests per API key (REST facade and MCP endpoints): one runaway script cannot starve other keys.
   * Keyed on the key's id, which only a holder of a valid key can make us count against. */
  gatewayKey: definePolicy({
    prefix: "orbit:rl:gateway-key",
    limit: configured("gatewayKey"),
    windowMs: MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
} satisfies Record<string, PolicyEntry>;

export type RateLimitPolicyName = keyof typeof rateLimitPolicies;
