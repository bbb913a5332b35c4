import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import type { FederatedMcpSession, McpSession } from "./mcp-session-store";

/** One request to the federated endpoint, authenticated, with the session it names as stored (unchecked). */
export type FederatedContext = {
  request: Request;
  requestId: string;
  principal: ApiKeyPrincipal;
  /** Null: none named, or unknown. requireFederatedSession checks it is a federated session of this key. */
  session: FederatedMcpSession | McpSession | null;
};
