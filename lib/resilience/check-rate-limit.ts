import { AppError } from "@/lib/errors/app-error";
import { type RateLimitPolicyName, rateLimitPolicies } from "@/lib/resilience/rate-limit-policies";
import {
  type RateLimitRemaining,
  type RateLimitResult,
  retryAfterSeconds,
} from "@/lib/resilience/rate-limiter";

// The call-site API over the policy table. Requests that always count use checkRateLimit; sign-in uses peek before
// checking the password and consume only after a wrong one, so signing in successfully never locks anyone out.

/** Counts one event; throws AppError("rate_limited") with retryAfter when the policy's limit is reached. */
export async function checkRateLimit(policy: RateLimitPolicyName, id: string): Promise<RateLimitResult> {
  const result = await rateLimitPolicies[policy].limiter().limit(id);
  if (!result.success) throw rateLimited(result.retryAfterSeconds);
  return result;
}

/** Throws AppError("rate_limited") when no attempt is left, without counting one. */
export async function peekRateLimit(policy: RateLimitPolicyName, id: string): Promise<RateLimitRemaining> {
  const remaining = await rateLimitPolicies[policy].limiter().getRemaining(id);
  if (remaining.remaining <= 0) throw rateLimited(retryAfterSeconds(remaining.reset));
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

function rateLimited(seconds: number): AppError {
  return new AppError("rate_limited", `Too many attempts, try again in ${seconds} s`, {
    retryAfter: seconds,
  });
}
