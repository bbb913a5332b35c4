import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type ToolFilters, toolAnnotationHints } from "@/lib/tools/tool-filters-schema";
import { hintLabels } from "./tool-hint-badges";

/** A plain GET form: a filtered registry is a link to share, and it works before JavaScript. */
export function ToolFiltersForm({
  filters,
  servers,
}: {
  filters: ToolFilters;
  servers: { id: string; slug: string; name: string }[];
}) {
  return (
    <form action="/tools" aria-label="Filter tools" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="q" className="block text-sm font-medium">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Name, title or description"
          className={inputClass}
        />
      </div>
      <Choice label="Server" name="server" value={filters.server}>
        <option value="">All servers</option>
        {servers.map((server) => (
          <option key={server.id} value={server.slug}>
            {server.name} ({server.slug})
          </option>
        ))}
      </Choice>
      <Choice label="Enabled" name="enabled" value={filters.enabled}>
        <option value="">Any</option>
        <option value="yes">Enabled</option>
        <option value="no">Disabled</option>
      </Choice>
      <Choice label="Annotation" name="hint" value={filters.hint}>
        <option value="">Any</option>
        {toolAnnotationHints.map((hint) => (
          <option key={hint} value={hint}>
            {hintLabels[hint]}
          </option>
        ))}
      </Choice>
      <Choice label="Deleted" name="deleted" value={filters.deleted}>
        <option value="hide">Hide deleted</option>
        <option value="only">Only deleted</option>
        <option value="all">Show all</option>
      </Choice>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href="/tools" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function Choice({
  label,
  name,
  value,
  children,
}: {
  label: string;
  name: string;
  value: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={inputClass}>
        {children}
      </select>
    </div>
  );
}
