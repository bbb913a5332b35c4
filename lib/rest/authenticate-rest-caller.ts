import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { HeaderReader } from "@/lib/api-keys/read-api-key-header";
import { checkIpAccess } from "@/lib/config/check-ip-access";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors/app-error";
import { getClientIp } from "@/lib/http/get-client-ip";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";

/**
 * The API key behind a REST facade request: 401 without a valid key, 429 past the key's per-minute budget (the
 * `gatewayKey` policy, shared with the MCP endpoints), 403 for a key that can reach no server at all (`metrics` or
 * `admin` only). Which server it may use is decided per request, once the server is known.
 */
export async function authenticateRestCaller(headers: HeaderReader): Promise<ApiKeyPrincipal> {
  // The configured IP lists refuse before the key is even looked at (the configuration is in memory).
  checkIpAccess(await getConfig(), getClientIp(headers));
  const principal = await authenticateApiKey(headers);
  // Counted before anything else the key asks for, refusals included: they cost us a request too.
  await checkRateLimit("gatewayKey", principal.id);
  if (!principal.scopes.some((scope) => scope === "mcp" || scope.startsWith("server:"))) {
    throw new AppError("forbidden", "This API key has no server scope (mcp or server:<slug>).");
  }
  return principal;
}
