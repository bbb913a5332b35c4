import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryTable } from "@/components/deliveries/delivery-table";
import { IntegrationActions } from "@/components/integrations/integration-actions";
import { RouteList } from "@/components/integrations/route-list";
import { SendTestEvent } from "@/components/integrations/send-test-event";
import { WebhookUrl } from "@/components/integrations/webhook-url";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { getIntegrationForPage } from "@/lib/integrations/get-integration-for-page";
import { listDeliveries } from "@/lib/integrations/list-deliveries";
import { requestOrigin } from "@/lib/integrations/request-origin";

export const metadata: Metadata = { title: "Integration" };

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const integrationId = (await params).id;
  const integration = await getIntegrationForPage({ actor, integrationId });
  const [recent, origin] = await Promise.all([
    listDeliveries({ actor, integrationId, limit: 10 }),
    requestOrigin(),
  ]);
  const verifyOptions = Object.entries(integration.verifyConfig);
  return (
    <>
      <PageHeader
        title={integration.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{integration.slug}</span>
            {integration.enabled ? <Badge tone="green">enabled</Badge> : <Badge>disabled</Badge>}
            <Badge tone="indigo">{integration.kind}</Badge>
            <Badge>{integration.mode}</Badge>
          </span>
        }
      />
      <div className="space-y-6">
        {roleAtLeast(actor.role, "operator") ? (
          <IntegrationActions
            integrationId={integration.id}
            name={integration.name}
            enabled={integration.enabled}
          />
        ) : null}
        <Card title="Configuration">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Webhook URL</dt>
            <dd>
              <WebhookUrl origin={origin} path={integration.webhookPath} />
            </dd>
            <dt className="text-zinc-500">Secrets</dt>
            <dd data-testid="secret-count">
              {integration.secretCount === 1
                ? "1 secret set"
                : `${integration.secretCount} secrets set (rotating)`}
            </dd>
            <dt className="text-zinc-500">Verification options</dt>
            <dd className="font-mono text-xs">
              {verifyOptions.length
                ? verifyOptions.map(([k, v]) => `${k}=${String(v)}`).join(", ")
                : "defaults"}
            </dd>
            <dt className="text-zinc-500">Sync deadline</dt>
            <dd>{integration.syncDeadlineMs} ms</dd>
            <dt className="text-zinc-500">Retry schedule</dt>
            <dd>{integration.retrySchedule.map((s) => `${s} s`).join(", ")}</dd>
            {integration.reply ? (
              <>
                <dt className="text-zinc-500">Replies</dt>
                <dd>
                  <span className="font-mono text-xs">{integration.reply.baseUrl}</span> — token set
                  {integration.reply.channelId ? `, channel ${integration.reply.channelId}` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        <Card title={`Routes (${integration.routes.length})`}>
          <RouteList routes={integration.routes} />
        </Card>
        {roleAtLeast(actor.role, "operator") ? (
          <Card title="Send test event">
            <SendTestEvent integrationId={integration.id} />
          </Card>
        ) : null}
        <Card
          title="Recent deliveries"
          actions={
            <Link
              href={`/deliveries?integration=${integration.id}`}
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              All deliveries
            </Link>
          }
        >
          <DeliveryTable deliveries={recent.deliveries} showIntegration={false} />
        </Card>
      </div>
    </>
  );
}
