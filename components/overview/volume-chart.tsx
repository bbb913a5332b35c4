"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatStep } from "@/components/overview/overview-format";
import type { OverviewPoint } from "@/lib/overview/query-overview-series";

const COLORS = { ok: "#10b981", errors: "#ef4444" };

/** Requests per step, stacked: succeeded under failed. The parent gives it a fixed height, so refreshes never shift. */
export function VolumeChart({ points, stepMs }: { points: OverviewPoint[]; stepMs: number }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="t"
          tickFormatter={(t: number) => formatStep(t, stepMs)}
          tick={{ fill: "currentColor", fontSize: 11 }}
          minTickGap={24}
        />
        <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} width={44} />
        <Tooltip
          labelFormatter={(t) => `${formatStep(Number(t), stepMs)} UTC`}
          formatter={(value) => formatCount(Number(value))}
          contentStyle={{ fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="ok" name="Succeeded" stackId="requests" fill={COLORS.ok} isAnimationActive={false} />
        <Bar
          dataKey="errors"
          name="Failed"
          stackId="requests"
          fill={COLORS.errors}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
