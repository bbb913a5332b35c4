import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { forgetLookups } from "@/lib/cache/create-lookup-cache";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { type ApiKeyView, apiKeyViewSelect, toApiKeyView } from "./to-api-key-view";

/**
 * Revokes a key: the next request with it is refused. Revoking twice is not an error (a script may retry), and the
 * first revocation's time is kept; only the call that actually revoked is audited. The row stays for the trail.
 */
export async function revokeApiKey(options: {
  actor: Actor;
  apiKeyId: string;
  ip?: string;
}): Promise<{ key: ApiKeyView; alreadyRevoked: boolean }> {
  assertRole(options.actor, "admin");
  const revoked = await getPrisma().$transaction(async (tx) => {
    // Conditional on revokedAt being unset, so two revocations racing record one audit entry between them.
    const { count } = await tx.apiKey.updateMany({
      where: { id: options.apiKeyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const key = await tx.apiKey.findUnique({ where: { id: options.apiKeyId }, select: apiKeyViewSelect });
    if (!key) throw new AppError("not_found", "No such API key.");
    if (count === 1) {
      await recordAudit(tx, {
        actor: options.actor,
        action: "apikey.revoke",
        targetType: "apikey",
        targetId: key.id,
        details: { name: key.name, prefix: key.prefix },
        ip: options.ip,
      });
    }
    return { key: toApiKeyView(key), alreadyRevoked: count === 0 };
  });
  // Keys are read through a short-lived cache; this instance refuses this one from its next request on.
  forgetLookups("apiKeys");
  return revoked;
}
