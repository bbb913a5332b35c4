import { compileJsonata } from "@/lib/webhooks/routing/compile-jsonata";
import type { WebhookEvent } from "@/lib/webhooks/routing/extract-event";
import { REGEX_TEXT_LIMIT } from "@/lib/webhooks/routing/find-regex-hazard";
import { type RouteMatch, routeMatchSchema } from "@/lib/webhooks/routing/route-match-schema";

export type RoutableRoute = {
  id: string;
  position: number;
  enabled: boolean;
  isFallback: boolean;
  match: unknown;
};

/**
 * Picks the route for an event: the first enabled, non-fallback route (by position) whose every condition holds,
 * else the first enabled fallback route, else null ("no route matched" is an outcome, not an error). A route whose
 * stored match no longer passes routeMatchSchema never matches, and neither does one whose expression fails.
 */
export async function matchRoute<R extends RoutableRoute>(
  routes: R[],
  event: WebhookEvent,
): Promise<{ route: R; fallback: boolean } | null> {
  const ordered = routes.filter((route) => route.enabled).sort((a, b) => a.position - b.position);
  for (const route of ordered) {
    if (route.isFallback) continue;
    const parsed = routeMatchSchema.safeParse(route.match ?? {});
    if (parsed.success && (await matches(parsed.data, event))) return { route, fallback: false };
  }
  const fallback = ordered.find((route) => route.isFallback);
  return fallback ? { route: fallback, fallback: true } : null;
}

async function matches(match: RouteMatch, event: WebhookEvent): Promise<boolean> {
  // Cheap conditions first, so the JSONata expression only runs for events that pass the rest.
  if (match.eventType !== undefined && !matchesEventType(match.eventType, event.eventType)) return false;
  if (match.channel !== undefined && match.channel !== event.channel) return false;
  if (match.tag !== undefined && !event.tags.some((tag) => tag.toLowerCase() === match.tag?.toLowerCase())) {
    return false;
  }
  if (match.keyword !== undefined && !event.text?.toLowerCase().includes(match.keyword.toLowerCase()))
    return false;
  if (match.regex !== undefined) {
    if (event.text === null) return false;
    // The pattern's shape was checked by the schema; the cap keeps its worst case to milliseconds.
    if (!new RegExp(match.regex).test(event.text.slice(0, REGEX_TEXT_LIMIT))) return false;
  }
  if (match.expression !== undefined) {
    try {
      const result = await compileJsonata(match.expression).evaluate(event.payload);
      if (!isTruthy(result)) return false;
    } catch {
      // A payload the expression was not written for (or one that runs past the time budget) is not a match.
      return false;
    }
  }
  return true;
}

function matchesEventType(pattern: string, eventType: string | null): boolean {
  if (pattern === "*") return true;
  if (eventType === null) return false;
  return pattern.endsWith("*") ? eventType.startsWith(pattern.slice(0, -1)) : eventType === pattern;
}

/** JSONata's own notion ($boolean): empty strings, 0, empty arrays and objects, and functions are false. */
function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === "function") return false;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}
