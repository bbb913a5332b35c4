import Link from "next/link";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/overview/overview-ranges";

/** Links rather than a form: each range has its own URL, so a view can be bookmarked and shared. */
export function RangePicker({ current }: { current: OverviewRange }) {
  return (
    <nav
      aria-label="Time range"
      className="inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
    >
      {Object.entries(OVERVIEW_RANGES).map(([key, range]) => (
        <Link
          key={key}
          href={`/?range=${key}`}
          aria-current={key === current ? "page" : undefined}
          aria-label={`Last ${range.label}`}
          className={`px-3 py-1.5 text-sm tabular-nums first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${
            key === current
              ? "bg-indigo-600 font-medium text-white"
              : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          }`}
        >
          {key}
        </Link>
      ))}
    </nav>
  );
}
