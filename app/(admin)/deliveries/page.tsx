import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryTable } from "@/components/deliveries/delivery-table";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { deliveryStatuses } from "@/lib/integrations/delivery-statuses";
import { listDeliveries } from "@/lib/integrations/list-deliveries";
import { listIntegrations } from "@/lib/integrations/list-integrations";

export const metadata: Metadata = { title: "Deliveries" };

type Search = { integration?: string; status?: string; cursor?: string };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const integrationId = search.integration || undefined;
  const status = deliveryStatuses.find((s) => s === search.status);
  const [page, integrations] = await Promise.all([
    listDeliveries({ actor, integrationId, status, cursor: search.cursor || undefined }),
    listIntegrations({ actor }),
  ]);
  const next = new URLSearchParams({
    ...(integrationId ? { integration: integrationId } : {}),
    ...(status ? { status } : {}),
    ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
  });
  return (
    <>
      <PageHeader title="Deliveries" description="Every verified webhook Orbit accepted, newest first." />
      <Card>
        {/* A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */}
        <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter deliveries">
          <div className="w-64">
            <label htmlFor="integration" className="block text-xs font-medium">
              Integration
            </label>
            <Select name="integration" defaultValue={integrationId ?? ""}>
              <option value="">All integrations</option>
              {integrations.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="w-48">
            <label htmlFor="status" className="block text-xs font-medium">
              Status
            </label>
            <Select name="status" defaultValue={status ?? ""}>
              <option value="">Any status</option>
              {deliveryStatuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
          {search.cursor ? (
            <Link
              href="/deliveries"
              className="pb-2 text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Back to newest
            </Link>
          ) : null}
        </form>
        <DeliveryTable deliveries={page.deliveries} />
        {page.nextCursor ? (
          <div className="mt-4">
            <Link href={`/deliveries?${next}`} className={buttonClass("secondary")}>
              Older deliveries
            </Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
