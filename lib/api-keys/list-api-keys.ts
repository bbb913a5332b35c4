import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { type ApiKeyView, apiKeyViewSelect, toApiKeyView } from "./to-api-key-view";

/** Every key, newest first, revoked and expired ones included so the trail stays visible. Never the hash. */
export async function listApiKeys(options: { actor: Actor }): Promise<ApiKeyView[]> {
  assertRole(options.actor, "admin");
  const prisma = getPrisma();
  const keys = await prisma.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiKeyViewSelect,
  });
  // Keys made by the CLI, or by a user since deleted, have no creator row; the audit log still says who.
  const orphans = keys.filter((k) => !k.createdBy).map((k) => k.id);
  const creations = orphans.length
    ? await prisma.auditLog.findMany({
        where: { action: "apikey.create", targetType: "apikey", targetId: { in: orphans } },
        select: { targetId: true, actorLabel: true },
      })
    : [];
  const labels = new Map(creations.map((c) => [c.targetId, c.actorLabel]));
  const now = new Date();
  return keys.map((key) => toApiKeyView(key, labels.get(key.id) ?? null, now));
}
