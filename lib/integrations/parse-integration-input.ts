import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export type InputIssue = { path: string; message: string };

/** `Route 2 "Issues"`: how errors point at a route, by position and by the name the operator gave it. */
export function routeLabel(routes: unknown, index: number): string {
  const name = Array.isArray(routes) ? (routes[index] as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === "string" && name.trim()
    ? `Route ${index + 1} "${name.trim()}"`
    : `Route ${index + 1}`;
}

/** The one `unprocessable` answer for integration input: field issues for forms, and a message naming the route. */
export function integrationInputError(issues: InputIssue[]): AppError {
  const first = issues[0];
  // Route issues already name their route; others get their field's path.
  const message = !first
    ? "The integration is not valid."
    : first.path && !first.path.startsWith("routes.")
      ? `${first.path}: ${first.message}`
      : first.message;
  return new AppError("unprocessable", message, { details: { issues } });
}

/**
 * Parses integration input with `schema`; on failure throws `unprocessable` whose messages name the route an issue
 * belongs to (routes are what operators get wrong most, and "routes.3.match.regex" alone is hard to find).
 */
export function parseIntegrationInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const routes = (input as { routes?: unknown } | null)?.routes;
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.path[0] === "routes" && typeof issue.path[1] === "number") {
      const field = issue.path.slice(2).map(String).join(".");
      return {
        path,
        message: `${routeLabel(routes, issue.path[1])}${field ? ` (${field})` : ""}: ${issue.message}`,
      };
    }
    return { path, message: issue.message };
  });
  throw integrationInputError(issues);
}
