import { z } from "zod";
import type { RequestTimings } from "@/lib/telemetry/to-request-timings";

const ms = z.number().finite().nonnegative();
const timingsSchema = z.object({
  verifyMs: ms.optional(),
  routeMs: ms.optional(),
  mapMs: ms.optional(),
  cacheMs: ms.optional(),
  attempts: z.array(z.object({ ms, replica: z.string(), outcome: z.string() })).optional(),
  upstreamMs: ms.optional(),
  totalMs: ms,
}) satisfies z.ZodType<RequestTimings>;

/** The `timings` column as the UI reads it: null for rows that have none, or a shape this version does not know. */
export function parseRequestTimings(value: unknown): RequestTimings | null {
  const parsed = timingsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
