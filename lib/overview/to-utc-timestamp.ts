/**
 * A query parameter for a `timestamp without time zone` column holding UTC (Prisma's convention): an ISO string
 * without its "Z" casts to exactly that, whatever the session's time zone. Use as `${toUtcTimestamp(ms)}::timestamp`.
 */
export function toUtcTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, -1);
}
