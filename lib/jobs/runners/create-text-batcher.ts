import type { JobRunContext } from "./job-runner";

export type TextBatcher = {
  push(text: string): void;
  /** Writes what is buffered now; resolves once every earlier write is stored. */
  flush(): Promise<void>;
};

/**
 * Collects streamed model text into one `text_delta` event per `intervalMs`: a model streams a token at a time, and
 * an event per token would mean a database row and a fan-out message per token for every subscriber. Writes are
 * chained so events keep the text's order; the first failed write is rethrown by the next flush.
 */
export function createTextBatcher(emit: JobRunContext["emit"], intervalMs = 50): TextBatcher {
  let buffer = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!buffer) return chain;
    const text = buffer;
    buffer = "";
    chain = chain.then(() => emit("text_delta", { text }));
    return chain;
  };

  return {
    push(text) {
      buffer += text;
      // A failed write surfaces at the next flush; keep it from being an unhandled rejection meanwhile.
      timer ??= setTimeout(() => void write().catch(() => {}), intervalMs);
    },
    flush: write,
  };
}
