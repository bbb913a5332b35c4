import type { LiveEvent } from "./live-event";

/** The live page's filters; an empty string means "any". */
export type LiveFilter = { kind: string; level: string; server: string; text: string };

/** Whether an event passes the filters: exact kind, level and server, and text anywhere in its message or data. */
export function matchesLiveFilter(event: LiveEvent, filter: LiveFilter): boolean {
  if (filter.kind && event.kind !== filter.kind) return false;
  if (filter.level && event.level !== filter.level) return false;
  if (filter.server && event.server !== filter.server) return false;
  const needle = filter.text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = `${event.message} ${Object.values(event.data ?? {}).join(" ")}`.toLowerCase();
  return haystack.includes(needle);
}
