/**
 * Exponential backoff with full jitter: a random wait between 0 and min(maxMs, baseMs × 2^retry). Spreading retries
 * over the whole range keeps many callers that failed together from retrying together.
 * `retry` counts from 0 for the first retry.
 */
export function retryDelay(options: {
  retry: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** options.retry);
  return Math.floor(random() * ceiling);
}
