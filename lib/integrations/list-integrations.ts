import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import type { DeliveryStatusName } from "./delivery-statuses";
import { type IntegrationView, integrationViewInclude, toIntegrationView } from "./to-integration-view";

export type IntegrationListItem = IntegrationView & {
  /** Deliveries received in the last 24 hours, by current status; statuses with none are left out. */
  deliveriesLast24h: Partial<Record<DeliveryStatusName, number>>;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every integration with its routes and a 24-hour delivery tally, by name. */
export async function listIntegrations(options: {
  actor: Actor;
  now?: Date;
}): Promise<IntegrationListItem[]> {
  assertRole(options.actor, "viewer");
  const prisma = getPrisma();
  const since = new Date((options.now ?? new Date()).getTime() - DAY_MS);
  const [integrations, counts] = await Promise.all([
    prisma.integration.findMany({
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      include: integrationViewInclude,
    }),
    prisma.delivery.groupBy({
      by: ["integrationId", "status"],
      where: { receivedAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const tallies = new Map<string, Partial<Record<DeliveryStatusName, number>>>();
  for (const row of counts) {
    const tally = tallies.get(row.integrationId) ?? {};
    tally[row.status] = row._count._all;
    tallies.set(row.integrationId, tally);
  }
  return integrations.map((integration) => ({
    ...toIntegrationView(integration),
    deliveriesLast24h: tallies.get(integration.id) ?? {},
  }));
}
