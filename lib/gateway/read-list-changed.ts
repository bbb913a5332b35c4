import type { JsonRpcMessage } from "./read-mcp-messages";

const LISTS = {
  "notifications/tools/list_changed": "tools",
  "notifications/prompts/list_changed": "prompts",
  "notifications/resources/list_changed": "resources",
} as const;

/** Which list an upstream's message says changed (`notifications/<list>/list_changed`), or null for any other. */
export function readListChanged(message: JsonRpcMessage | null): (typeof LISTS)[keyof typeof LISTS] | null {
  if (!message?.method || message.id !== undefined) return null;
  return LISTS[message.method as keyof typeof LISTS] ?? null;
}
