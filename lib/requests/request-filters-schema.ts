import { z } from "zod";

/** Who writes request-log rows (lib/telemetry/record-request.ts). */
export const requestSources = ["webhook", "gateway", "rest", "chat", "job"] as const;
export type RequestSource = (typeof requestSources)[number];

/**
 * The statuses the writers use today, offered as choices. The column is free text (a webhook attempt stores its
 * delivery's status, a reply "sent"/"skipped"), so the filter accepts any short word, not only these.
 */
export const knownRequestStatuses = [
  "succeeded",
  "failed",
  "tool_error",
  "retrying",
  "dead",
  "unrouted",
  "rejected",
  "sent",
  "skipped",
] as const;

/** What GET /api/v1/requests/export writes. */
export const exportFormats = ["csv", "json"] as const;

/** Relative time ranges; evaluated when the query runs, so a shared "last hour" link stays the last hour. */
export const requestRanges = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 604_800_000,
  "30d": 2_592_000_000,
} as const;
export type RequestRange = keyof typeof requestRanges;

// URL values arrive as string | string[] | undefined; the first one counts, and "" means "no filter".
const single = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
};

const text = (max: number) =>
  z.preprocess(single, z.string().max(max, `At most ${max} characters`).optional());
const id = z.preprocess(
  single,
  z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an id")
    .optional(),
);

// A `datetime-local` field sends "2026-11-21T20:18" without a zone; the page shows times in UTC, so it is read as UTC.
const instant = z.preprocess(
  single,
  z
    .string()
    .max(40)
    .transform((value, ctx) => {
      const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
      const date = new Date(withZone);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a date and time` });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
);

/**
 * Filters of the request history, as the page URL and the export URL carry them (`?q=…&status=…`). `q` is free
 * text: a request, row or delivery id (exact, indexed) when it looks like a UUID, otherwise a case-insensitive
 * part of the tool name, the server slug or the error code.
 */
export const requestFiltersSchema = z
  .object({
    q: text(200),
    status: z.preprocess(
      single,
      z
        .string()
        .max(40)
        .regex(/^[a-z_]+$/, "Not a status")
        .optional(),
    ),
    source: z.preprocess(single, z.enum(requestSources, { error: "Unknown source" }).optional()),
    integration: id,
    server: id,
    tool: text(500),
    key: id,
    range: z.preprocess(
      single,
      z.enum(Object.keys(requestRanges) as [RequestRange, ...RequestRange[]]).optional(),
    ),
    from: instant,
    to: instant,
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: "“From” is after “to”", path: ["from"] });

export type RequestFiltersInput = z.input<typeof requestFiltersSchema>;
export type RequestFilters = z.output<typeof requestFiltersSchema>;
