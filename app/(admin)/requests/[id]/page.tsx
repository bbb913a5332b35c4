import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { formatTime } from "@/components/deliveries/format-time";
import { ReplayButton } from "@/components/deliveries/replay-button";
import { RequestBody } from "@/components/requests/request-body";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestTimings } from "@/components/requests/request-timings";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import type { UserActor } from "@/lib/auth/get-actor";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { getRequestOrThrow, type RequestDetail } from "@/lib/requests/get-request-or-throw";

export const metadata: Metadata = { title: "Request" };

async function load(actor: UserActor, id: string): Promise<RequestDetail> {
  try {
    return await getRequestOrThrow({ actor, id });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const request = await load(actor, (await params).id);
  const { delivery } = request;
  const target = [request.serverSlug, request.tool].filter(Boolean).join("/");
  return (
    <>
      <PageHeader
        title={target ? `Request ${target}` : `Request (${request.source})`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RequestStatusBadge status={request.status} />
            {request.cached ? <Badge tone="indigo">cached</Badge> : null}
            <span>{formatTime(request.createdAt)}</span>
            <span className="font-mono text-xs">{request.id}</span>
          </span>
        }
        // Replay queues the delivery again as a new one (audit-logged); the action itself refuses viewers too.
        actions={
          delivery && roleAtLeast(actor.role, "operator") ? <ReplayButton deliveryId={delivery.id} /> : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Summary">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <Row label="Request id">
              <span className="font-mono text-xs" data-testid="request-id">
                {request.requestId}
              </span>
            </Row>
            <Row label="Source">{request.source}</Row>
            <Row label="Status">
              <RequestStatusBadge status={request.status} />
              {request.errorCode ? <span className="ml-2 font-mono text-xs">{request.errorCode}</span> : null}
            </Row>
            <Row label="Server">
              {request.serverId && request.serverName ? (
                <Link href={`/servers/${request.serverId}`} className="hover:underline">
                  {request.serverName}
                </Link>
              ) : null}
              {request.serverSlug ? (
                <span className="ml-2 font-mono text-xs text-zinc-500">{request.serverSlug}</span>
              ) : null}
            </Row>
            <Row label="Tool">
              {request.tool ? <span className="font-mono text-xs">{request.tool}</span> : null}
            </Row>
            {request.integrationId ? (
              <Row label="Integration">
                {request.integrationName ? (
                  <Link href={`/integrations/${request.integrationId}`} className="hover:underline">
                    {request.integrationName}
                  </Link>
                ) : (
                  "(deleted)"
                )}
              </Row>
            ) : null}
            {request.routeId ? <Row label="Route">{request.routeName ?? "(deleted route)"}</Row> : null}
            {request.apiKeyId ? (
              <Row label="API key">
                <span data-testid="request-key">{request.apiKeyName ?? "(deleted key)"}</span>
              </Row>
            ) : null}
            <Row label="Cached">{request.cached ? "yes" : "no"}</Row>
          </dl>
        </Card>
        <RequestTimings request={request} />
        {request.deliveryId ? (
          <Card title="Delivery">
            {delivery ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
                <Row label="Delivery">
                  <Link
                    href={`/deliveries/${delivery.id}`}
                    className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {delivery.id}
                  </Link>
                </Row>
                <Row label="Event">{delivery.eventType}</Row>
                <Row label="Status">
                  <DeliveryStatusBadge status={delivery.status} />
                </Row>
                <Row label="Attempts">{delivery.attempts}</Row>
                <Row label="Received">{formatTime(delivery.receivedAt)}</Row>
                <Row label="Finished">{delivery.finishedAt ? formatTime(delivery.finishedAt) : null}</Row>
                {delivery.replayOfId ? (
                  <Row label="Replay of">
                    <Link
                      href={`/deliveries/${delivery.replayOfId}`}
                      className="font-mono text-xs hover:underline"
                    >
                      {delivery.replayOfId}
                    </Link>
                  </Row>
                ) : null}
              </dl>
            ) : (
              <p className="text-sm text-zinc-500">
                Delivery <span className="font-mono text-xs">{request.deliveryId}</span> no longer exists (its
                integration was deleted).
              </p>
            )}
          </Card>
        ) : null}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <RequestBody title="Request body" body={request.requestBody} testId="request-body" />
        <RequestBody title="Response body" body={request.responseBody} testId="response-body" />
      </div>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd>{children ?? <span className="text-zinc-500">—</span>}</dd>
    </>
  );
}
