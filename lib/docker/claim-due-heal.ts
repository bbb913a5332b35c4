import { getPrisma } from "@/lib/db/get-prisma";
import { type ContainerScope, scopeSql } from "./container-scope";
import type { HealReason } from "./heal-reason";

export type HealClaim = { id: string; name: string; reason: HealReason; serverSlug: string | null };

/**
 * Claims one container whose restart is due, by locking it until `lockMs` from now for this worker. SKIP LOCKED and
 * the lock time together mean one worker carries out each heal, however many look; a worker that dies holding one
 * lets it go when the lock time passes, and another picks it up.
 */
export async function claimDueHeal(options: {
  workerId: string;
  lockMs?: number;
  scope?: ContainerScope;
}): Promise<HealClaim | null> {
  const lockMs = options.lockMs ?? 120_000;
  const rows = await getPrisma().$queryRaw<HealClaim[]>`
    UPDATE "Container"
    SET "healLockedUntil" = timezone('UTC', now()) + ${lockMs}::int * interval '1 millisecond',
        "healLockedBy" = ${options.workerId}
    WHERE id = (
      SELECT c.id FROM "Container" c
      WHERE c."healState" = 'scheduled' AND c."removedAt" IS NULL
        AND c."nextHealAt" <= timezone('UTC', now())
        AND (c."healLockedUntil" IS NULL OR c."healLockedUntil" < timezone('UTC', now()))
        ${scopeSql(options.scope ?? null)}
      ORDER BY c."nextHealAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, "healReason" AS reason, "serverSlug"`;
  return rows[0] ?? null;
}
