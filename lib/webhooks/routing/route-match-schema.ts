import { z } from "zod";
import { compileJsonata } from "@/lib/webhooks/routing/compile-jsonata";
import { findRegexHazard } from "@/lib/webhooks/routing/find-regex-hazard";

// What a route's `match` JSON may hold. Every present condition must hold for the route to match; a route with no
// condition at all matches every event (useful as a catch-all that is not the fallback). Checked when a route is
// saved and again when it is read, so a hand-edited row that no longer parses never matches instead of crashing.

export type RouteMatch = {
  eventType?: string;
  channel?: string;
  keyword?: string;
  regex?: string;
  tag?: string;
  expression?: string;
};

const condition = z.string().trim().min(1).max(200);

const regex = z
  .string()
  .min(1)
  .max(500)
  .superRefine((pattern, ctx) => {
    try {
      new RegExp(pattern);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Regex does not compile: ${(error as Error).message}` });
      return;
    }
    const hazard = findRegexHazard(pattern);
    if (hazard) ctx.addIssue({ code: "custom", message: `Regex refused: ${hazard}` });
  });

const expression = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((source, ctx) => {
    try {
      compileJsonata(source);
    } catch (error) {
      const { message, position } = error as { message?: string; position?: number };
      const where =
        typeof position === "number" && Number.isFinite(position) ? ` at position ${position}` : "";
      ctx.addIssue({ code: "custom", message: `JSONata expression does not parse${where}: ${message}` });
    }
  });

export const routeMatchSchema: z.ZodType<RouteMatch> = z
  .object({
    // "issues.*" matches "issues.opened"; "*" alone matches any event type, including none.
    eventType: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((value) => !value.slice(0, -1).includes("*"), "Only a trailing * is allowed in an event type"),
    channel: condition,
    keyword: condition,
    regex,
    tag: condition,
    expression,
  })
  .partial()
  .strict();
