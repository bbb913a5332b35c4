/**
 * Settles like `work`, or rejects with `onTimeout()` once `ms` have passed. The work itself is not cancelled (a
 * promise cannot be), so callers that can drop queued work should also pass the deadline to the driver.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
