import { AppError } from "@/lib/errors/app-error";
import { type RateLimitPolicyName, rateLimitPolicies } from "@/lib/resilience/rate-limit-policies";
import {
  type RateLimitRemaining,
  type RateLimitResult,
  retryAfterSeconds,
} from "@/lib/resilience/rate-limiter";
import { recordMetric } from "@/lib/telemetry/record-metric";

// The call-site API over the policy table. Requests that always count use checkRateLimit; sign-in uses peek before
// checking the password and consume only after a wrong one, so signing in successfully never locks anyone out.

/** Counts one event; throws AppError("rate_limited") with retryAfter when the policy's limit is reached. */
export async function checkRateLimit(policy: RateLimitPolicyName, id: string): Promise<RateLimitResult> {
  const result = await rateLimitPolicies[policy].limiter().limit(id);
  if (!result.success) throw rateLimited(policy, result.retryAfterSeconds);
  return result;
}

/** Throws AppError("rate_limited") when no attempt is left, without counting one. */
export async function peekRateLimit(policy: RateLimitPolicyName, id: string): Promise<RateLimitRemaining> {
  const remaining = await rateLimitPolicies[policy].limiter().getRemaining(id);
  if (remaining.remaining <= 0) throw rateLimited(policy, retryAfterSeconds(remaining.reset));
  return remaining;
}

/**
 * Counts one failed attempt. Does not throw when the limit is reached: the attempt has already failed for its own
 * reason, and the next peek refuses.
 */
export async function consumeRateLimit(policy: RateLimitPolicyName, id: string): Promise<RateLimitResult> {
  return rateLimitPolicies[policy].limiter().limit(id);
}

/** Forgets an id's attempts, e.g. an administrator unlocking an account. */
export async function resetRateLimit(policy: RateLimitPolicyName, id: string): Promise<void> {
  await rateLimitPolicies[policy].limiter().reset(id);
}

// Every refusal leaves through here, so this is where orbit_rate_limited_total counts; the id is not a label (one
// series per key or address would be unbounded), the policy name is.
function rateLimited(policy: RateLimitPolicyName, seconds: number): AppError {
  recordMetric((metrics) => metrics.rateLimited.inc({ policy }));
  return new AppError("rate_limited", `Too many attempts, try again in ${seconds} s`, {
    retryAfter: seconds,
  });
}
