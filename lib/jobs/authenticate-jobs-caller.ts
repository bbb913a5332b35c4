import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { readApiKeyHeader } from "@/lib/api-keys/read-api-key-header";
import { getActor } from "@/lib/auth/get-actor";
import { hasSessionCookie } from "@/lib/auth/has-session-cookie";
import { assertRole, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { checkRateLimit } from "@/lib/resilience/check-rate-limit";

/**
 * Who calls /api/v1/jobs: an API key with the `jobs` scope (rate-limited like every key), or a signed-in user with
 * at least `role` (operators start and cancel jobs, any role reads them). Returns the job's `createdBy` label.
 * No key and no session cookie is 401 without touching the session machinery.
 */
export async function authenticateJobsCaller(request: Request, role: Role): Promise<string> {
  if (readApiKeyHeader(request.headers) !== null) {
    const principal = await authenticateApiKey(request.headers);
    await checkRateLimit("gatewayKey", principal.id);
    if (!principal.scopes.includes("jobs"))
      throw new AppError("forbidden", "This API key has no jobs scope.");
    return `apikey:${principal.id}`;
  }
  const actor = hasSessionCookie(request.headers) ? await getActor() : null;
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API key with the jobs scope.");
  assertRole(actor, role);
  return `user:${actor.id}`;
}
