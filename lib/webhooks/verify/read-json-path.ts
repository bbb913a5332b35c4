// A dotted path (`message.messageId`, `items.0.id`) is all the id mapping needs; jsonata would be async and far more
// than a config field should be able to express. Only strings and finite numbers count as a value.

export function readJsonPath(value: unknown, path: string): string | null {
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === "string" && current.length > 0) return current;
  if (typeof current === "number" && Number.isFinite(current)) return String(current);
  return null;
}
