import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { readApiKeyHeader } from "@/lib/api-keys/read-api-key-header";
import { getActor } from "@/lib/auth/get-actor";
import { hasSessionCookie } from "@/lib/auth/has-session-cookie";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";

/**
 * Who reads the history through /api/v1: an API key with the `admin` scope (a script), or a signed-in user of any
 * role (the page's export links). A key acts with admin rights, as the CLI does; a key without the scope is 403.
 * No key and no session cookie is 401 without touching the session machinery.
 */
export async function authenticateHistoryCaller(request: Request): Promise<Actor> {
  if (readApiKeyHeader(request.headers) !== null) {
    const principal = await authenticateApiKey(request.headers);
    await checkRateLimit("gatewayKey", principal.id);
    if (!principal.scopes.includes("admin")) {
      throw new AppError("forbidden", "This API key has no admin scope.");
    }
    return { kind: "system" };
  }
  if (!hasSessionCookie(request.headers)) throw signInFirst();
  const actor = await getActor();
  if (!actor) throw signInFirst();
  return actor;
}

function signInFirst(): AppError {
  return new AppError("unauthenticated", "Sign in, or send an API key with the admin scope.");
}
