import { z } from "zod";

// URL values arrive as string | string[] | undefined; the first one counts, and "" means "no filter".
const single = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
};
const text = (max: number) =>
  z.preprocess(single, z.string().max(max, `At most ${max} characters`).optional());
// `datetime-local` sends no zone; the page shows UTC, so that is how it is read.
const instant = z.preprocess(
  single,
  z
    .string()
    .max(40)
    .transform((value, ctx) => {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a date and time` });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
);

/**
 * Filters of the audit log as the page URL carries them: `actor` is part of the actor's label (an email, "system",
 * a key name), `action` an exact action or a prefix ending in "." (`server.`), `target` an exact target type.
 */
export const auditFiltersSchema = z
  .object({
    actor: text(200),
    action: text(100),
    target: text(100),
    from: instant,
    to: instant,
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: "“From” is after “to”", path: ["from"] });

export type AuditFilters = z.output<typeof auditFiltersSchema>;
