import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/field";
import { FilterField, UtcTimeFilter } from "@/components/ui/filter-field";
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
      <FilterField label="Search" name="q" className="sm:col-span-2">
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Request or delivery id, tool, server, error code"
          className={inputClass}
        />
      </FilterField>
      <FilterField label="Status" name="status">
        <Select name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Source" name="source">
        <Select name="source" defaultValue={filters.source ?? ""}>
          <option value="">Any source</option>
          {requestSources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Integration" name="integration">
        <Choice
          name="integration"
          value={filters.integration}
          all="All integrations"
          options={options.integrations}
        />
      </FilterField>
      <FilterField label="Server" name="server">
        <Choice name="server" value={filters.server} all="All servers" options={options.servers} />
      </FilterField>
      <FilterField label="Tool" name="tool">
        <input
          id="tool"
          name="tool"
          defaultValue={filters.tool ?? ""}
          placeholder="Exact tool name"
          className={inputClass}
        />
      </FilterField>
      <FilterField label="API key" name="key">
        <Choice name="key" value={filters.key} all="Any key" options={options.apiKeys} />
      </FilterField>
      <FilterField label="Time" name="range">
        <Select name="range" defaultValue={filters.range ?? ""}>
          <option value="">Any time, or from/to</option>
          {Object.entries(rangeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FilterField>
      <UtcTimeFilter label="From (UTC)" name="from" value={filters.from} />
      <UtcTimeFilter label="To (UTC)" name="to" value={filters.to} />
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
