import { AppError } from "@/lib/errors/app-error";
import { compileJsonata } from "@/lib/webhooks/routing/compile-jsonata";
import type { WebhookEvent } from "@/lib/webhooks/routing/extract-event";

/**
 * Turns an event into a tool's arguments with the route's JSONata mapping. The mapping sees one object:
 *
 *   { payload,   // the platform's JSON body, as received
 *     eventType, // e.g. "issues.opened", "message.received", "publish" (or null)
 *     channel,   // e.g. "octo/hello-world", "WhatsApp" (or null)
 *     text,      // the message text the routes matched on (or null)
 *     tags }     // string[]
 *
 * so `{ "title": payload.issue.title, "repo": channel }` is a complete mapping. No mapping means no arguments.
 * The result must be a plain object (a tool's arguments); anything else is the mapping's fault: `unprocessable`.
 */
export async function mapArguments(
  mapping: string | null | undefined,
  event: WebhookEvent,
): Promise<Record<string, unknown>> {
  if (!mapping?.trim()) return {};
  const input = {
    payload: event.payload,
    eventType: event.eventType,
    channel: event.channel,
    text: event.text,
    tags: event.tags,
  };
  let result: unknown;
  try {
    result = await compileJsonata(mapping).evaluate(input);
  } catch (error) {
    const { message, position, code } = error as { message?: string; position?: number; code?: string };
    const where = typeof position === "number" && Number.isFinite(position) ? ` at position ${position}` : "";
    throw new AppError("unprocessable", `Argument mapping failed${where}: ${message ?? String(error)}`, {
      cause: error,
      details: { jsonataCode: code, position },
    });
  }
  if (!isPlainObject(result)) {
    throw new AppError(
      "unprocessable",
      `Argument mapping must produce an object of tool arguments, got ${describeResult(result)}`,
      { details: { resultType: describeResult(result) } },
    );
  }
  // JSONata results carry internal markers (e.g. a `sequence` flag on arrays); a JSON round trip leaves plain data.
  return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeResult(value: unknown): string {
  if (value === undefined) return "nothing (the expression matched no data)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
