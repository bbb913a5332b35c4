import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { formatTime } from "@/components/deliveries/format-time";
import { ReplayButton } from "@/components/deliveries/replay-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { roleAtLeast } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { type DeliveryDetail, getDeliveryOrThrow } from "@/lib/integrations/get-delivery-or-throw";
import type { ReplyOutcome } from "@/lib/webhooks/processing/delivery-outcome";

export const metadata: Metadata = { title: "Delivery" };

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function replyOf(result: unknown): ReplyOutcome | null {
  const reply = (result as { reply?: ReplyOutcome } | null)?.reply;
  return reply && typeof reply === "object" && "status" in reply ? reply : null;
}

// The reply to the contact is separate from the delivery's status (the tool ran either way), so it gets its own line.
function describeReply(reply: ReplyOutcome): string {
  const tries = (n: number) => (n === 1 ? "1 attempt" : `${n} attempts`);
  switch (reply.status) {
    case "sent":
      return `sent (message ${reply.messageId}, ${tries(reply.attempts)})`;
    case "failed":
      return `failed after ${tries(reply.attempts)}: ${reply.error}`;
    case "skipped":
      return `not sent: ${reply.reason}`;
  }
}

async function load(
  actor: Awaited<ReturnType<typeof requirePageActor>>,
  deliveryId: string,
): Promise<DeliveryDetail> {
  try {
    return await getDeliveryOrThrow({ actor, deliveryId });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const delivery = await load(actor, (await params).id);
  const took =
    delivery.finishedAt !== null
      ? `${delivery.finishedAt.getTime() - delivery.receivedAt.getTime()} ms`
      : "—";
  return (
    <>
      <PageHeader
        title={`Delivery ${delivery.eventType ?? ""}`.trim()}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <DeliveryStatusBadge status={delivery.status} />
            <Link href={`/integrations/${delivery.integrationId}`} className="hover:underline">
              {delivery.integrationName}
            </Link>
            <span className="font-mono text-xs">{delivery.id}</span>
          </span>
        }
        actions={roleAtLeast(actor.role, "operator") ? <ReplayButton deliveryId={delivery.id} /> : null}
      />
      <div className="space-y-6">
        <Card title="Outcome">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-zinc-500">Route taken</dt>
            <dd>{delivery.routeName ?? "none"}</dd>
            <dt className="text-zinc-500">Attempts</dt>
            <dd>{delivery.attempts}</dd>
            <dt className="text-zinc-500">Received</dt>
            <dd>{formatTime(delivery.receivedAt)}</dd>
            <dt className="text-zinc-500">Finished</dt>
            <dd>
              {formatTime(delivery.finishedAt)} {delivery.finishedAt ? `(${took})` : ""}
            </dd>
            {delivery.nextAttemptAt && !delivery.finishedAt ? (
              <>
                <dt className="text-zinc-500">Next attempt</dt>
                <dd>{formatTime(delivery.nextAttemptAt)}</dd>
              </>
            ) : null}
            {delivery.errorCode || delivery.errorMessage ? (
              <>
                <dt className="text-zinc-500">Error</dt>
                <dd className="text-red-700 dark:text-red-300">
                  <span className="font-mono">{delivery.errorCode}</span> {delivery.errorMessage}
                </dd>
              </>
            ) : null}
            {replyOf(delivery.result) ? (
              <>
                <dt className="text-zinc-500">Reply</dt>
                <dd data-testid="delivery-reply">{describeReply(replyOf(delivery.result)!)}</dd>
              </>
            ) : null}
            <dt className="text-zinc-500">Delivery key</dt>
            <dd className="font-mono text-xs">{delivery.deliveryKey}</dd>
            <dt className="text-zinc-500">Request id</dt>
            <dd className="font-mono text-xs">{delivery.requestId}</dd>
            <dt className="text-zinc-500">Source IP</dt>
            <dd className="font-mono text-xs">{delivery.sourceIp ?? "—"}</dd>
            {delivery.replayOfId ? (
              <>
                <dt className="text-zinc-500">Replay of</dt>
                <dd>
                  <Link
                    href={`/deliveries/${delivery.replayOfId}`}
                    className="font-mono text-xs hover:underline"
                  >
                    {delivery.replayOfId}
                  </Link>
                </dd>
              </>
            ) : null}
            {delivery.replays.length ? (
              <>
                <dt className="text-zinc-500">Replays</dt>
                <dd className="space-y-1">
                  {delivery.replays.map((r) => (
                    <div key={r.id} className="flex items-center gap-2">
                      <Link href={`/deliveries/${r.id}`} className="font-mono text-xs hover:underline">
                        {formatTime(r.receivedAt)}
                      </Link>
                      <DeliveryStatusBadge status={r.status} />
                    </div>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        {delivery.result !== null && delivery.result !== undefined ? (
          <Card title="Result">
            <pre className="max-h-96 overflow-auto font-mono text-xs" data-testid="delivery-result">
              {JSON.stringify(delivery.result, null, 2)}
            </pre>
          </Card>
        ) : null}
        <Card title="Headers">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 font-mono text-xs">
            {Object.entries(delivery.headers).map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-zinc-500">{name}</dt>
                <dd className="break-all">{String(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={`Body (${delivery.bodyBytes} bytes)`}>
          <pre className="max-h-[32rem] overflow-auto font-mono text-xs" data-testid="delivery-body">
            {prettyJson(delivery.body)}
          </pre>
        </Card>
      </div>
    </>
  );
}
