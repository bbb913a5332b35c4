import { v7 as uuidv7 } from "uuid";
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

export type StoredDelivery =
  | { duplicate: false; delivery: Pick<Delivery, "id" | "status"> }
  | { duplicate: true; delivery: Delivery };

/**
 * The durable inbox's one write: INSERT … ON CONFLICT (integrationId, deliveryKey) DO NOTHING. Whoever inserts
 * first owns the delivery; everyone else gets `duplicate: true` and the first row as it is now, so a redelivered or
 * concurrently repeated event can never be processed twice.
 *
 * Written as SQL rather than through the query builder: it runs once per accepted webhook, and the builder's own
 * work was more than half of the endpoint's CPU time (bench/webhooks). The id is a UUIDv7 like the schema's default.
 */
export async function storeDelivery(input: NewDelivery): Promise<StoredDelivery> {
  const prisma = getPrisma();
  const { claim } = input;
  const lockedUntil = claim ? new Date(Date.now() + claim.lockMs) : null;
  const inserted = await prisma.$queryRaw<{ id: string; status: Delivery["status"] }[]>`
    INSERT INTO "Delivery" (
      "id", "integrationId", "deliveryKey", "eventType", "status", "headers", "body", "bodyBytes", "sourceIp",
      "requestId", "attempts", "lockedBy", "lockedUntil"
    ) VALUES (
      ${uuidv7()}, ${input.integrationId}, ${input.deliveryKey}, ${input.eventType},
      ${claim ? "processing" : "received"}::"DeliveryStatus", ${JSON.stringify(input.headers)}::jsonb, ${input.body},
      ${input.bodyBytes}, ${input.sourceIp}, ${input.requestId}, ${claim ? 1 : 0}, ${claim?.token ?? null},
      ${lockedUntil}
    )
    ON CONFLICT ("integrationId", "deliveryKey") DO NOTHING
    RETURNING "id", "status"::text AS "status"`;
  if (inserted[0]) return { duplicate: false, delivery: inserted[0] };

  const first = await prisma.delivery.findUnique({
    where: {
      integrationId_deliveryKey: { integrationId: input.integrationId, deliveryKey: input.deliveryKey },
    },
  });
  // Only a delete between the two statements (the integration removed mid-request) gets here.
  if (!first) throw new Error("The delivery vanished right after a conflicting insert.");
  return { duplicate: true, delivery: first };
}
