import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/field";
import type { RequestFilterOption } from "@/lib/requests/list-request-filter-options";
import {
  knownRequestStatuses,
  type RequestFilters,
  type requestRanges,
  requestSources,
} from "@/lib/requests/request-filters-schema";

const rangeLabels: Record<keyof typeof requestRanges, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

/** "2026-11-21T20:18", what a datetime-local field shows; the page works in UTC throughout. */
function toLocalInput(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

/**
 * A plain GET form: submitting it rewrites the URL, so a filtered history is a link to share or bookmark, and it
 * works before (or without) JavaScript.
 */
export function RequestFiltersForm({
  filters,
  options,
}: {
  filters: Partial<RequestFilters>;
  options: {
    integrations: RequestFilterOption[];
    servers: RequestFilterOption[];
    apiKeys: RequestFilterOption[];
  };
}) {
  const statuses =
    filters.status && !knownRequestStatuses.some((s) => s === filters.status)
      ? [...knownRequestStatuses, filters.status]
      : knownRequestStatuses;
  return (
    <form
      action="/requests"
      aria-label="Filter requests"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Labelled label="Search" name="q" className="sm:col-span-2">
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Request or delivery id, tool, server, error code"
          className={inputClass}
        />
      </Labelled>
      <Labelled label="Status" name="status">
        <Select name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled label="Source" name="source">
        <Select name="source" defaultValue={filters.source ?? ""}>
          <option value="">Any source</option>
          {requestSources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled label="Integration" name="integration">
        <Choice
          name="integration"
          value={filters.integration}
          all="All integrations"
          options={options.integrations}
        />
      </Labelled>
      <Labelled label="Server" name="server">
        <Choice name="server" value={filters.server} all="All servers" options={options.servers} />
      </Labelled>
      <Labelled label="Tool" name="tool">
        <input
          id="tool"
          name="tool"
          defaultValue={filters.tool ?? ""}
          placeholder="Exact tool name"
          className={inputClass}
        />
      </Labelled>
      <Labelled label="API key" name="key">
        <Choice name="key" value={filters.key} all="Any key" options={options.apiKeys} />
      </Labelled>
      <Labelled label="Time" name="range">
        <Select name="range" defaultValue={filters.range ?? ""}>
          <option value="">Any time, or from/to</option>
          {Object.entries(rangeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled label="From (UTC)" name="from">
        <input
          id="from"
          name="from"
          type="datetime-local"
          defaultValue={toLocalInput(filters.from)}
          className={inputClass}
        />
      </Labelled>
      <Labelled label="To (UTC)" name="to">
        <input
          id="to"
          name="to"
          type="datetime-local"
          defaultValue={toLocalInput(filters.to)}
          className={inputClass}
        />
      </Labelled>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        <Link href="/requests" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function Labelled({
  label,
  name,
  className = "",
  children,
}: {
  label: string;
  name: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={name} className="block text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

function Choice({
  name,
  value,
  all,
  options,
}: {
  name: string;
  value: string | undefined;
  all: string;
  options: RequestFilterOption[];
}) {
  // An id from a shared link that is no longer listed (deleted since) still shows, so the filter stays visible.
  const known = !value || options.some((o) => o.id === value);
  return (
    <Select name={name} defaultValue={value ?? ""}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
      {known ? null : <option value={value}>(deleted) {value}</option>}
    </Select>
  );
}
