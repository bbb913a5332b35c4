import type { Redis } from "@upstash/redis";
import { getRedis } from "@/lib/redis/get-redis";
import { createRateLimiter } from "@/lib/resilience/create-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "@/lib/resilience/rate-limiter";

const MINUTE = 60_000;
// Below a human's patience, above the TCP transport's command timeout (1.5 s) so its clearer error wins.
const STORE_TIMEOUT_MS = 2_000;

type PolicyEntry = Readonly<RateLimitPolicy> & { limiter(): RateLimiter };

// Built on first use, not at import: choosing Redis reads the environment, which `next build` and tests may not have.
// Rebuilt only if the process-wide client changes (closeRedis() in tests), never per call.
function definePolicy(policy: RateLimitPolicy): PolicyEntry {
  let built: { redis: Redis | null; limiter: RateLimiter } | undefined;
  return {
    ...policy,
    limiter() {
      const redis = getRedis();
      if (built?.redis !== redis) built = { redis, limiter: createRateLimiter(policy, redis) };
      return built.limiter;
    },
  };
}

/**
 * Every rate limit in Orbit, by name. Key each one on something a client cannot choose freely: a normalized account
 * email, a validated client IP, an integration or API-key id. Add a policy here rather than building a limiter at a
 * call site; later ones (per integration, per source IP, per API key) follow the same shape.
 */
export const rateLimitPolicies = {
  /** Failed sign-ins per account: slows password guessing against one user from many addresses. */
  loginAccount: definePolicy({
    prefix: "orbit:rl:login-account",
    limit: 5,
    windowMs: 15 * MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Failed sign-ins per client IP: slows one address trying many accounts. */
  loginIp: definePolicy({
    prefix: "orbit:rl:login-ip",
    limit: 20,
    windowMs: 15 * MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Webhooks per integration: one noisy platform (or a leaked URL) cannot starve the others. */
  webhookIntegration: definePolicy({
    prefix: "orbit:rl:webhook-integration",
    limit: 600,
    windowMs: MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
  /** Webhooks per source IP, counted before the slug is looked up, so guessing slugs is slow too. */
  webhookSourceIp: definePolicy({
    prefix: "orbit:rl:webhook-ip",
    limit: 300,
    windowMs: MINUTE,
    timeoutMs: STORE_TIMEOUT_MS,
  }),
} satisfies Record<string, PolicyEntry>;

export type RateLimitPolicyName = keyof typeof rateLimitPolicies;
