// Formatting shared by the overview's tiles, tables, charts and their text summaries. Times are UTC, as on every
// other page (components/deliveries/format-time.ts), so the server and the browser print the same thing.

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** A chart step's start: the time of day for steps under an hour, the date too for hours, the date alone for days. */
export function formatStep(t: number, stepMs: number): string {
  const iso = new Date(t).toISOString();
  if (stepMs < 3_600_000) return iso.slice(11, 16);
  if (stepMs < 86_400_000) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(0, 10);
}
