import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/field";
import { FilterField, UtcTimeFilter } from "@/components/ui/filter-field";
import type { AuditFilters } from "@/lib/audit/audit-filters-schema";

/** A plain GET form: the filtered audit log is a URL to share, and it works without JavaScript. */
export function AuditFiltersForm({
  filters,
  options,
}: {
  filters: Partial<AuditFilters>;
  options: { actions: string[]; targetTypes: string[] };
}) {
  return (
    <form action="/audit" aria-label="Filter audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <FilterField label="Actor" name="actor">
        <input
          id="actor"
          name="actor"
          type="search"
          defaultValue={filters.actor ?? ""}
          placeholder="Email or key name"
          className={inputClass}
        />
      </FilterField>
      <FilterField label="Action" name="action">
        <Select name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {withCurrent(options.actions, filters.action).map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Target type" name="target">
        <Select name="target" defaultValue={filters.target ?? ""}>
          <option value="">Any target</option>
          {withCurrent(options.targetTypes, filters.target).map((target) => (
            <option key={target} value={target}>
              {target}
            </option>
          ))}
        </Select>
      </FilterField>
      <UtcTimeFilter label="From (UTC)" name="from" value={filters.from} />
      <UtcTimeFilter label="To (UTC)" name="to" value={filters.to} />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href="/audit" className={buttonClass("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}

// A hand-made link may name an action not (or no longer) in the list; keep it selectable so the form shows it.
function withCurrent(options: string[], current: string | undefined): string[] {
  return current && !options.includes(current) ? [...options, current] : options;
}
