import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryCounts } from "@/components/integrations/delivery-counts";
import { WebhookUrl } from "@/components/integrations/webhook-url";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { requestOrigin } from "@/lib/integrations/request-origin";

export const metadata: Metadata = { title: "Integrations" };

const columns: DataTableColumn[] = [
  { key: "integration", header: "Integration", sortable: true },
  { key: "kind", header: "Kind", sortable: true },
  { key: "mode", header: "Mode", sortable: true },
  { key: "status", header: "Status", sortable: true },
  { key: "webhookUrl", header: "Webhook URL" },
  { key: "deliveries", header: "Deliveries (24 h)", sortable: true },
];

export default async function IntegrationsPage() {
  const actor = await requirePageActor();
  const [integrations, origin] = await Promise.all([listIntegrations({ actor }), requestOrigin()]);
  const canManage = roleAtLeast(actor.role, "operator");
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Platforms that post webhooks to Orbit, and the routes that turn them into tool calls."
        actions={
          canManage ? (
            <Link href="/integrations/new" className={buttonClass()}>
              Add integration
            </Link>
          ) : null
        }
      />
      <Card>
        <DataTable
          label="Integrations"
          quickFilter="Filter by name, slug or kind"
          columns={columns}
          empty={
            <>
              <p>No integrations yet.</p>
              {canManage ? (
                <p className="mt-1">Add one to get a webhook URL for GitHub, Respond.io and others.</p>
              ) : null}
            </>
          }
          rows={integrations.map((integration) => ({
            key: integration.id,
            testId: `integration-row-${integration.slug}`,
            filterText: [integration.name, integration.slug, integration.kind].join(" ").toLowerCase(),
            sortValues: {
              integration: integration.name,
              kind: integration.kind,
              mode: integration.mode,
              status: integration.enabled ? "enabled" : "disabled",
              deliveries: Object.values(integration.deliveriesLast24h).reduce((sum, n) => sum + (n ?? 0), 0),
            },
            cells: {
              integration: (
                <>
                  <Link
                    href={`/integrations/${integration.id}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {integration.name}
                  </Link>
                  <div className="text-xs text-zinc-500">
                    {integration.routes.length} route{integration.routes.length === 1 ? "" : "s"}
                  </div>
                </>
              ),
              kind: integration.kind,
              mode: integration.mode,
              status: integration.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>,
              webhookUrl: <WebhookUrl origin={origin} path={integration.webhookPath} />,
              deliveries: (
                <Link href={`/deliveries?integration=${integration.id}`} className="hover:underline">
                  <DeliveryCounts counts={integration.deliveriesLast24h} />
                </Link>
              ),
            },
          }))}
        />
      </Card>
    </>
  );
}
