import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";
import type { McpSession } from "./mcp-session-store";

/** One passthrough request, authenticated and with its server resolved. */
export type RelayContext = {
  request: Request;
  requestId: string;
  principal: ApiKeyPrincipal;
  server: ToolCallTarget;
  /** The session the request names, as stored (null: none named, or unknown); requireSession checks its owner. */
  session: McpSession | null;
};
