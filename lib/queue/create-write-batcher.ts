/**
 * Coalesces writes that arrive while one is in flight into the next one: the first caller writes at once (no added
 * latency when traffic is light), and everyone who comes while that write runs shares the following one. Under load
 * this turns N statements (and N commits, each an fsync) into a few, which on a busy database is most of their cost.
 * `write` gets the items in arrival order and must not throw; each caller's promise settles when its item is written.
 */
export function createWriteBatcher<T>(
  write: (items: T[]) => Promise<void>,
  maxBatch = 500,
): (items: T[]) => Promise<void> {
  const waiting: { items: T[]; done: () => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch: typeof waiting = [];
      let size = 0;
      while (waiting.length > 0 && (size === 0 || size + waiting[0]!.items.length <= maxBatch)) {
        const next = waiting.shift()!;
        batch.push(next);
        size += next.items.length;
      }
      await write(batch.flatMap((entry) => entry.items)).catch(() => {});
      for (const entry of batch) entry.done();
    }
    writing = false;
  }

  return (items) => {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((done) => {
      waiting.push({ items, done });
      if (!writing) void drain();
    });
  };
}
