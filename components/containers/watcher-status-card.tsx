import { formatTime } from "@/components/deliveries/format-time";
import { Badge, Card } from "@/components/ui/card";
import type { WatcherStatus } from "@/lib/docker/get-watcher-status";
import type { HealPolicy } from "@/lib/docker/heal-policy";

/** Whether a worker follows the engine right now, and the healing policy it applies. */
export function WatcherStatusCard({ status, policy }: { status: WatcherStatus; policy: HealPolicy }) {
  return (
    <Card title="Watcher">
      <div className="space-y-2 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          {status?.connected ? (
            <>
              <Badge tone="green">connected</Badge>
              <span>
                {status.engine} at <span className="font-mono">{status.dockerHost}</span>, since{" "}
                {formatTime(status.connectedAt)}
              </span>
            </>
          ) : status?.live ? (
            <>
              <Badge tone="red">engine unreachable</Badge>
              <span>
                {status.lastError ?? "connecting"}
                {status.dockerHost ? (
                  <>
                    {" "}
                    (<span className="font-mono">{status.dockerHost}</span>); the worker keeps retrying.
                  </>
                ) : null}
              </span>
            </>
          ) : (
            <>
              <Badge tone="amber">no worker</Badge>
              <span>
                No worker is following the engine: start one (<span className="font-mono">npm start</span> or{" "}
                <span className="font-mono">npm run worker</span>).
              </span>
            </>
          )}
        </p>
        <p className="text-zinc-500">
          {policy.all ? "Heals every container" : `Heals containers labelled ${policy.label}=true`} (and those
          labelled orbit.server=&lt;slug&gt; when that server fails its health checks): restarts on unhealthy,
          a non-zero exit or out of memory, after {policy.backoffInitialMs / 1000} s doubling up to{" "}
          {policy.backoffMaxMs / 1000} s; gives up and alerts after {policy.maxRestarts} restarts within{" "}
          {Math.round(policy.windowMs / 60_000)} min. Never restarts a container stopped on purpose.
        </p>
      </div>
    </Card>
  );
}
