import Link from "next/link";
import { formatTime } from "@/components/deliveries/format-time";
import { Card } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/requests/get-request-or-throw";
import { parseRequestTimings } from "@/lib/requests/parse-request-timings";
import { RequestStatusBadge } from "./request-status-badge";
import { RequestStepWaterfall } from "./request-step-waterfall";

/**
 * What the log holds about time: the row's own latency (the whole call, every upstream attempt and backoff
 * included), the steps its path measured (a waterfall), and, for a webhook, when the delivery arrived and how long
 * each processing attempt took. Rows without measured steps say so rather than invent numbers.
 */
export function RequestTimings({ request }: { request: RequestDetail }) {
  const started = new Date(request.createdAt.getTime() - request.latencyMs);
  const waited = request.delivery ? started.getTime() - request.delivery.receivedAt.getTime() : null;
  const steps = parseRequestTimings(request.timings);
  const longest = Math.max(1, ...request.deliveryAttempts.map((a) => a.latencyMs), request.latencyMs);
  return (
    <Card title="Timings">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-zinc-500">Total</dt>
        <dd data-testid="request-latency">{request.latencyMs} ms</dd>
        {steps?.upstreamMs !== undefined ? (
          <>
            <dt className="text-zinc-500">Upstream</dt>
            <dd data-testid="request-upstream">{steps.upstreamMs} ms</dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Upstream attempts</dt>
        <dd>{request.cached ? "none: answered from cache" : request.attempts}</dd>
        {request.delivery ? (
          <>
            <dt className="text-zinc-500">Delivery received</dt>
            <dd>{formatTime(request.delivery.receivedAt)}</dd>
            {waited !== null && waited >= 0 ? (
              <>
                <dt className="text-zinc-500">Waited before this attempt</dt>
                <dd>{formatDuration(waited)}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt className="text-zinc-500">Recorded</dt>
        <dd>{formatTime(request.createdAt)}</dd>
      </dl>
      {steps ? <RequestStepWaterfall timings={steps} /> : null}
      {request.deliveryAttempts.length > 1 ? (
        <ol className="mt-4 space-y-2" aria-label="Attempts of this delivery">
          {request.deliveryAttempts.map((attempt, index) => (
            <li key={attempt.id} className="grid grid-cols-[6rem_1fr_5rem] items-center gap-3 text-sm">
              <span className="flex items-center gap-1">
                {attempt.id === request.id ? (
                  <span className="font-medium">#{index + 1}</span>
                ) : (
                  <Link
                    href={`/requests/${attempt.id}`}
                    className="text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    #{index + 1}
                  </Link>
                )}
                <RequestStatusBadge status={attempt.status} />
              </span>
              <span className="h-2 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
                <span
                  className="block h-2 rounded bg-indigo-500"
                  style={{ width: `${Math.max(2, (attempt.latencyMs / longest) * 100)}%` }}
                />
              </span>
              <span className="text-right tabular-nums">{attempt.latencyMs} ms</span>
            </li>
          ))}
        </ol>
      ) : null}
      {steps ? null : (
        <p className="mt-4 text-xs text-zinc-500" data-testid="request-steps-missing">
          No per-step timings were recorded for this request; the total covers the whole call.
        </p>
      )}
    </Card>
  );
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
