/**
 * A starting point for a tool's arguments from its input schema: each property with an example of its type, so the
 * operator edits values instead of typing the shape.
 */
export function argumentTemplate(inputSchema: unknown): string {
  const properties = (inputSchema as { properties?: Record<string, { type?: unknown; default?: unknown }> })
    ?.properties;
  if (!properties || typeof properties !== "object") return "{}";
  const example: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property?.default !== undefined) example[name] = property.default;
    else if (property?.type === "number" || property?.type === "integer") example[name] = 0;
    else if (property?.type === "boolean") example[name] = false;
    else if (property?.type === "array") example[name] = [];
    else if (property?.type === "object") example[name] = {};
    else example[name] = "";
  }
  return JSON.stringify(example, null, 2);
}
