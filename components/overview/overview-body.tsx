import { AutoRefresh } from "@/components/overview/auto-refresh";
import { BreakdownTable } from "@/components/overview/breakdown-table";
import { ChartCard } from "@/components/overview/chart-card";
import { describeLatency, describeVolume } from "@/components/overview/describe-series";
import { HealthPanel } from "@/components/overview/health-panel";
import { KpiTiles } from "@/components/overview/kpi-tiles";
import { LatencyChart } from "@/components/overview/latency-chart";
import { VolumeChart } from "@/components/overview/volume-chart";
import type { Actor } from "@/lib/auth/roles";
import { getOverview } from "@/lib/overview/get-overview";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/overview/overview-ranges";

/** Everything on the overview that waits for data; the page streams it in behind a skeleton. */
export async function OverviewBody({ actor, range }: { actor: Actor; range: OverviewRange }) {
  const overview = await getOverview({ actor, range });
  const { label } = OVERVIEW_RANGES[range];
  const { series, stepMs } = overview;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <AutoRefresh generatedAt={overview.generatedAt} />
      </div>
      <KpiTiles totals={overview.totals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard id="volume-chart" title="Request volume" summary={describeVolume(series, stepMs, label)}>
          <VolumeChart points={series} stepMs={stepMs} />
        </ChartCard>
        <ChartCard id="latency-chart" title="Latency" summary={describeLatency(series, stepMs, label)}>
          <LatencyChart points={series} stepMs={stepMs} />
        </ChartCard>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <BreakdownTable title="By channel" rows={overview.bySource} empty="No requests in this range." />
        <BreakdownTable title="By server" rows={overview.byServer} empty="No requests in this range." />
        <BreakdownTable title="By tool" rows={overview.byTool} empty="No tool calls in this range." />
        <BreakdownTable
          title="By integration"
          rows={overview.byIntegration}
          empty="No webhook traffic in this range."
        />
      </div>
      <HealthPanel servers={overview.servers} readiness={overview.readiness} />
    </div>
  );
}
