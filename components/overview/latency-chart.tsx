"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMs, formatStep } from "@/components/overview/overview-format";
import type { OverviewPoint } from "@/lib/overview/query-overview-series";

const LINES = [
  { key: "p50Ms", name: "p50", color: "#6366f1" },
  { key: "p95Ms", name: "p95", color: "#f59e0b" },
  { key: "p99Ms", name: "p99", color: "#ef4444" },
] as const;

/** Latency percentiles per step; steps without requests leave a gap rather than a fake zero. */
export function LatencyChart({ points, stepMs }: { points: OverviewPoint[]; stepMs: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="t"
          tickFormatter={(t: number) => formatStep(t, stepMs)}
          tick={{ fill: "currentColor", fontSize: 11 }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={(ms: number) => formatMs(ms)}
          tick={{ fill: "currentColor", fontSize: 11 }}
          width={64}
        />
        <Tooltip
          labelFormatter={(t) => `${formatStep(Number(t), stepMs)} UTC`}
          formatter={(value) => formatMs(value === null || value === undefined ? null : Number(value))}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {LINES.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            // A step with requests between two without is a lone point; without a dot it would not show at all.
            dot={{ r: 2, strokeWidth: 0, fill: line.color }}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
