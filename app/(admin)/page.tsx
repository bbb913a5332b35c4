import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewBody } from "@/components/overview/overview-body";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { RangePicker } from "@/components/overview/range-picker";
import { Alert, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { OVERVIEW_RANGES, overviewRangeSchema } from "@/lib/overview/overview-ranges";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const asked = (await searchParams).range;
  const range = overviewRangeSchema.parse(asked);
  return (
    <>
      <PageHeader
        title="Overview"
        description={`What Orbit handled in the last ${OVERVIEW_RANGES[range].label}, and the state of every upstream.`}
        actions={<RangePicker current={range} />}
      />
      {asked !== undefined && asked !== range ? (
        <div className="mb-6">
          <Alert tone="amber">Unknown time range; showing the last hour.</Alert>
        </div>
      ) : null}
      {/* Keyed by range: a new range shows the skeleton; an auto-refresh of the same range swaps numbers in place. */}
      <Suspense key={range} fallback={<OverviewSkeleton />}>
        <OverviewBody actor={actor} range={range} />
      </Suspense>
    </>
  );
}
