import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { generateApiKey } from "@/lib/crypto/hash-api-key";
import { getPrisma } from "@/lib/db/get-prisma";
import { type CreateApiKeyInput, createApiKeyInput } from "./api-key-input-schema";

/** Creates a key and returns it in full exactly once; only its hash and display prefix are stored. */
export async function createApiKey(options: { actor: Actor; input: CreateApiKeyInput; ip?: string }) {
  assertRole(options.actor, "admin");
  const input = createApiKeyInput.parse(options.input);
  const { key, prefix, hash } = generateApiKey();
  const record = await getPrisma().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        scopes: [...new Set(input.scopes)],
        allowedTools: input.allowedTools,
        deniedTools: input.deniedTools,
        expiresAt: input.expiresAt,
        prefix,
        hash,
        createdById: options.actor.kind === "user" ? options.actor.id : null,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "apikey.create",
      targetType: "apikey",
      targetId: created.id,
      details: {
        name: created.name,
        prefix,
        scopes: created.scopes,
        allowedTools: created.allowedTools,
        deniedTools: created.deniedTools,
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
      ip: options.ip,
    });
    return created;
  });
  return {
    id: record.id,
    name: record.name,
    prefix,
    scopes: record.scopes,
    allowedTools: record.allowedTools,
    deniedTools: record.deniedTools,
    expiresAt: record.expiresAt,
    key,
  };
}
