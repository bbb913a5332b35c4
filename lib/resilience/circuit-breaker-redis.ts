import type { Redis } from "@upstash/redis";
import type {
  CircuitBreaker,
  CircuitDecision,
  CircuitOperation,
  CircuitPolicy,
  CircuitState,
} from "@/lib/resilience/circuit-breaker";
import { createMemoryCircuitBreaker } from "@/lib/resilience/circuit-breaker-memory";
import { withTimeout } from "@/lib/resilience/with-timeout";
import { log } from "@/lib/telemetry/log";

// A port of `stepCircuit` (circuit-breaker-step.ts); keep the two in step. One EVAL reads, transitions and writes the
// hash, so concurrent instances never lose a failure or hand out two probes for one slot. The caller's clock is
// passed in (instances' clocks agree far better than openMs) so tests can drive time.
const STEP_SCRIPT = `
local key = KEYS[1]
local op = ARGV[1]
local now = tonumber(ARGV[2])
local threshold = tonumber(ARGV[3])
local windowMs = tonumber(ARGV[4])
local openMs = tonumber(ARGV[5])
local maxProbes = tonumber(ARGV[6])
local ttlMs = tonumber(ARGV[7])
local h = redis.call("HMGET", key, "state", "failures", "windowStart", "openUntil", "probes", "probeStart")
local state = h[1] or "closed"
local failures = tonumber(h[2]) or 0
local windowStart = tonumber(h[3]) or 0
local openUntil = tonumber(h[4]) or 0
local probes = tonumber(h[5]) or 0
local probeStart = tonumber(h[6]) or 0

local function reset()
  state = "closed"; failures = 0; windowStart = 0; openUntil = 0; probes = 0; probeStart = 0
end

if state == "open" and now >= openUntil then
  state = "half_open"; probes = 0; probeStart = 0
end
if state == "half_open" and probes > 0 and now - probeStart >= openMs then
  probes = 0; probeStart = 0
end
if state == "closed" and windowStart > 0 and now - windowStart >= windowMs then
  failures = 0; windowStart = 0
end

local allowed = state == "closed" or (state == "half_open" and probes < maxProbes)
if op == "acquire" then
  if allowed and state == "half_open" then
    if probes == 0 then probeStart = now end
    probes = probes + 1
  end
elseif op == "success" then
  if state ~= "open" then reset() end
  allowed = state == "closed"
elseif op == "failure" then
  if state == "half_open" then
    reset(); state = "open"; openUntil = now + openMs
  elseif state == "closed" then
    if windowStart == 0 then windowStart = now end
    failures = failures + 1
    if failures >= threshold then
      local counted = failures
      reset(); state = "open"; failures = counted; openUntil = now + openMs
    end
  end
  allowed = state == "closed"
elseif op == "release" then
  if state == "half_open" and probes > 0 then probes = probes - 1 end
end

if op ~= "peek" then
  if state == "closed" and failures == 0 then
    redis.call("DEL", key)
  else
    redis.call("HSET", key, "state", state, "failures", failures, "windowStart", windowStart,
      "openUntil", openUntil, "probes", probes, "probeStart", probeStart)
    redis.call("PEXPIRE", key, ttlMs)
  end
end

local retryAfter = 0
if state == "open" then
  retryAfter = math.max(0, openUntil - now)
elseif state == "half_open" and not allowed then
  retryAfter = math.max(0, probeStart + openMs - now)
end
return { state, allowed and 1 or 0, retryAfter, failures }
`;

/**
 * A breaker whose state lives in one Redis hash per key (`<prefix><key>`), shared by every Orbit instance. When Redis
 * fails or is slower than `timeoutMs`, the call is answered by an in-process breaker instead: a Redis outage must not
 * stop every tool call, and per-instance circuits still protect the upstream.
 */
export function createRedisCircuitBreaker(options: {
  redis: Redis;
  prefix: string;
  timeoutMs?: number;
  now?: () => number;
}): CircuitBreaker {
  const { redis, prefix } = options;
  const timeoutMs = options.timeoutMs ?? 1_000;
  const now = options.now ?? Date.now;
  const local = createMemoryCircuitBreaker({ now });
  let warned = false;

  async function run(
    key: string,
    policy: CircuitPolicy,
    operation: CircuitOperation,
  ): Promise<CircuitDecision> {
    // Long enough that an open circuit outlives openMs, short enough that abandoned keys go away by themselves.
    const ttlMs = 2 * Math.max(policy.windowMs, policy.openMs) + 60_000;
    const args = [
      operation,
      now(),
      policy.failureThreshold,
      policy.windowMs,
      policy.openMs,
      policy.halfOpenMaxCalls,
      ttlMs,
    ].map(String);
    try {
      const reply = await withTimeout(
        redis.eval<string[], [string, number, number, number]>(STEP_SCRIPT, [`${prefix}${key}`], args),
        timeoutMs,
        () => new Error(`Circuit store did not answer within ${timeoutMs} ms`),
      );
      const [state, allowed, retryAfterMs, failures] = reply;
      warned = false;
      return {
        state: state as CircuitState,
        allowed: Number(allowed) === 1,
        retryAfterMs: Number(retryAfterMs),
        failures: Number(failures),
      };
    } catch (error) {
      // Said once per outage, not once per call.
      if (!warned) {
        warned = true;
        log.warn("circuit breaker state is per-process until Redis answers again", { error: String(error) });
      }
      return operation === "peek" || operation === "acquire"
        ? local[operation](key, policy)
        : local.record(key, policy, operation);
    }
  }

  return {
    peek: (key, policy) => run(key, policy, "peek"),
    acquire: (key, policy) => run(key, policy, "acquire"),
    record: (key, policy, outcome) => run(key, policy, outcome),
  };
}
