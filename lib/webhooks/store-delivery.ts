import type { Delivery } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

export type NewDelivery = {
  integrationId: string;
  deliveryKey: string;
  eventType: string | null;
  headers: Record<string, string>;
  body: string;
  bodyBytes: number;
  sourceIp: string | null;
  requestId: string;
  /** Store it already claimed by this token (sync mode), so no worker can take it before the inline run does. */
  claim?: { token: string; lockMs: number };
};

/**
 * The durable inbox's one write: INSERT … ON CONFLICT (integrationId, deliveryKey) DO NOTHING. Whoever inserts
 * first owns the delivery; everyone else gets `duplicate: true` and the first row as it is now, so a redelivered or
 * concurrently repeated event can never be processed twice.
 */
export async function storeDelivery(input: NewDelivery): Promise<{ delivery: Delivery; duplicate: boolean }> {
  const prisma = getPrisma();
  const { claim, ...row } = input;
  const created = await prisma.delivery.createManyAndReturn({
    data: [
      {
        ...row,
        ...(claim
          ? {
              status: "processing" as const,
              attempts: 1,
              lockedBy: claim.token,
              lockedUntil: new Date(Date.now() + claim.lockMs),
            }
          : {}),
      },
    ],
    skipDuplicates: true,
  });
  if (created[0]) return { delivery: created[0], duplicate: false };

  const first = await prisma.delivery.findUnique({
    where: {
      integrationId_deliveryKey: { integrationId: input.integrationId, deliveryKey: input.deliveryKey },
    },
  });
  // Only a delete between the two statements (the integration removed mid-request) gets here.
  if (!first) throw new Error("The delivery vanished right after a conflicting insert.");
  return { delivery: first, duplicate: true };
}
