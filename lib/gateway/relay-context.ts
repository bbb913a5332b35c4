import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

/** One passthrough request, authenticated and with its server resolved. */
export type RelayContext = {
  request: Request;
  requestId: string;
  principal: ApiKeyPrincipal;
  server: ToolCallTarget;
};
