import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryCounts } from "@/components/integrations/delivery-counts";
import { WebhookUrl } from "@/components/integrations/webhook-url";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { requestOrigin } from "@/lib/integrations/request-origin";

export const metadata: Metadata = { title: "Integrations" };

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
        {integrations.length === 0 ? (
          <div className="py-10 text-center text-sm text-zinc-500">
            <p>No integrations yet.</p>
            {canManage ? (
              <p className="mt-1">Add one to get a webhook URL for GitHub, Respond.io and others.</p>
            ) : null}
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500">
                <tr>
                  <th className="py-2 pr-4">Integration</th>
                  <th className="py-2 pr-4">Kind</th>
                  <th className="py-2 pr-4">Mode</th>
                  <th className="py-2 pr-4">Status</th>
                  <th className="py-2 pr-4">Webhook URL</th>
                  <th className="py-2">Deliveries (24 h)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {integrations.map((integration) => (
                  <tr key={integration.id} data-testid={`integration-row-${integration.slug}`}>
                    <td className="py-2 pr-4">
                      <Link
                        href={`/integrations/${integration.id}`}
                        className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                      >
                        {integration.name}
                      </Link>
                      <div className="text-xs text-zinc-500">
                        {integration.routes.length} route{integration.routes.length === 1 ? "" : "s"}
                      </div>
                    </td>
                    <td className="py-2 pr-4">{integration.kind}</td>
                    <td className="py-2 pr-4">{integration.mode}</td>
                    <td className="py-2 pr-4">
                      {integration.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
                    </td>
                    <td className="py-2 pr-4">
                      <WebhookUrl origin={origin} path={integration.webhookPath} />
                    </td>
                    <td className="py-2">
                      <Link href={`/deliveries?integration=${integration.id}`} className="hover:underline">
                        <DeliveryCounts counts={integration.deliveriesLast24h} />
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
