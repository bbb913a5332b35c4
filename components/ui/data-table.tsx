"use client";

import { type ReactNode, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";

export type DataTableColumn = {
  key: string;
  header: string;
  /** Offers a sort button on this column's header; rows need a `sortValues` entry for it. */
  sortable?: boolean;
  align?: "left" | "right";
  className?: string;
};

export type DataTableRow = {
  key: string;
  /** Rendered cells by column key (server components may render them: they arrive as React nodes). */
  cells: Record<string, ReactNode>;
  sortValues?: Record<string, string | number | null>;
  /** What the quick filter matches, lowercased; leave it out to keep the row whatever is typed. */
  filterText?: string;
  testId?: string;
};

type Sort = { key: string; direction: "ascending" | "descending" } | null;

/**
 * The admin UI's table: column sorting and an optional quick filter over the rows it holds, an empty state, and a
 * horizontal scroll on narrow screens. It sorts and filters only what it was given; a paged list keeps its order
 * and filters in the URL and says so in `caption`.
 */
export function DataTable({
  label,
  columns,
  rows,
  empty,
  caption,
  quickFilter,
}: {
  /** The table's accessible name. */
  label: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** Shown instead of the table when there are no rows at all. */
  empty: ReactNode;
  caption?: ReactNode;
  /** The quick filter's placeholder; no filter box without it. */
  quickFilter?: string;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const [filter, setFilter] = useState("");

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle ? rows.filter((row) => row.filterText?.includes(needle) ?? true) : rows;
    if (!sort) return kept;
    const sign = sort.direction === "ascending" ? 1 : -1;
    return [...kept].sort((a, b) => compare(a.sortValues?.[sort.key], b.sortValues?.[sort.key], sign));
  }, [rows, sort, filter]);

  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;

  return (
    <div className="space-y-2">
      {quickFilter ? (
        <div className="max-w-xs">
          <input
            type="search"
            aria-label={`Filter ${label.toLowerCase()} shown`}
            placeholder={quickFilter}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className={inputClass}
          />
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table aria-label={label} className="w-full text-left text-sm">
          {caption ? (
            <caption className="caption-bottom pt-2 text-left text-xs text-zinc-500">{caption}</caption>
          ) : null}
          <thead className="text-xs uppercase text-zinc-500">
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ?? (column.sortable ? "none" : undefined)}
                    className={`py-2 pr-4 font-medium ${column.align === "right" ? "text-right" : ""} ${column.className ?? ""}`}
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100"
                        onClick={() => setSort(nextSort(sort, column.key))}
                      >
                        {column.header}
                        <span aria-hidden="true">
                          {active === "ascending" ? "▲" : active === "descending" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {shown.map((row) => (
              <tr
                key={row.key}
                data-testid={row.testId}
                className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
              >
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={`py-2 pr-4 align-top ${column.align === "right" ? "text-right tabular-nums" : ""} ${column.className ?? ""}`}
                  >
                    {row.cells[column.key] ?? <span className="text-zinc-500">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <EmptyState>No row on this page matches “{filter}”.</EmptyState> : null}
      </div>
    </div>
  );
}

/** A table-shaped placeholder of the same height as the table it stands for, so nothing jumps when data arrives. */
export function DataTableSkeleton({
  columns,
  rows = 10,
  label,
}: {
  columns: number;
  rows?: number;
  label: string;
}) {
  // Placeholders never reorder, so a name per position is a stable key.
  const cells = Array.from({ length: columns }, (_, i) => `cell-${i}`);
  const lines = Array.from({ length: rows }, (_, i) => `line-${i}`);
  const grid = { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` };
  return (
    <div role="status" aria-label={label} aria-busy="true" className="overflow-hidden">
      <span className="sr-only">{label}</span>
      <div className="grid gap-4 py-2" style={grid}>
        {cells.map((cell) => (
          <div key={cell} className="h-3 w-2/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        ))}
      </div>
      {lines.map((line) => (
        <div
          key={line}
          className="grid gap-4 border-t border-zinc-200 py-3 dark:border-zinc-800"
          style={grid}
        >
          {cells.map((cell) => (
            <div key={cell} className="h-4 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
          ))}
        </div>
      ))}
    </div>
  );
}

function EmptyState({ children }: { children: ReactNode }) {
  return <div className="py-10 text-center text-sm text-zinc-500">{children}</div>;
}

function nextSort(current: Sort, key: string): Sort {
  if (current?.key !== key) return { key, direction: "ascending" };
  return current.direction === "ascending" ? { key, direction: "descending" } : null;
}

type SortValue = string | number | null | undefined;

function compare(a: SortValue, b: SortValue, sign: 1 | -1): number {
  // Missing values sort last whichever the direction, like a spreadsheet's blanks.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return sign * (a - b);
  return sign * String(a).localeCompare(String(b), undefined, { numeric: true });
}
