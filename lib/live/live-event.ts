/** What the live log carries; `error` is any failure worth a look that is not one of the others. */
export const LIVE_KINDS = ["request", "error", "config", "health", "container"] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export const LIVE_LEVELS = ["info", "warn", "error"] as const;
export type LiveLevel = (typeof LIVE_LEVELS)[number];

/** One line of the live log as a producer hands it over: compact, already redacted, never a body. */
export type LiveEventInput = {
  kind: LiveKind;
  level: LiveLevel;
  message: string;
  /** The server's slug when the event concerns one (the page filters on it). */
  server?: string | null;
  data?: Record<string, string | number | boolean | null>;
};

/** As stored and streamed: `id` is the stream entry id (`<ms>-<seq>`), which orders events and resumes a stream. */
export type LiveEvent = LiveEventInput & { id: string; at: string };

const ID = /^\d{1,16}-\d{1,16}$/;

/** A Last-Event-ID worth resuming from; anything else (hand-made, from another app) starts afresh. */
export function isLiveEventId(value: string | null | undefined): value is string {
  return typeof value === "string" && ID.test(value);
}

/** Orders two ids as Redis orders stream entries. */
export function compareLiveEventIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split("-").map(Number) as [number, number];
  const [bMs, bSeq] = b.split("-").map(Number) as [number, number];
  return aMs - bMs || aSeq - bSeq;
}
