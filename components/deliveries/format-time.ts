/** "2026-11-21 20:18:30 UTC": unambiguous, and the same on the server and in the browser. */
export function formatTime(date: Date | null | undefined): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 19)} UTC` : "—";
}
