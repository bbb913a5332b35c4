// The contract every rate limiter in Orbit meets, whether it counts in Redis or in this process.

export type RateLimitResult = {
  success: boolean;
  remaining: number;
  /** Milliseconds since the epoch at which the current window ends. */
  reset: number;
  /** 0 when allowed; otherwise whole seconds until the window ends (at least 1), for Retry-After. */
  retryAfterSeconds: number;
};

export type RateLimitRemaining = { remaining: number; reset: number };

export interface RateLimiter {
  /** Counts one event for `id` unless the limit is already reached (a refused event is not counted). */
  limit(id: string): Promise<RateLimitResult>;
  /** Looks without counting. */
  getRemaining(id: string): Promise<RateLimitRemaining>;
  /** Forgets everything counted for `id`. */
  reset(id: string): Promise<void>;
}

/** `limit` events per sliding window of `windowMs`. */
export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitPolicy = RateLimitRule & {
  /** Redis key prefix; unique per policy so policies never share counters. */
  prefix: string;
  /** How long a caller waits for the store before getting an `unavailable` error. */
  timeoutMs: number;
};

export function retryAfterSeconds(reset: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((reset - now) / 1000));
}
