import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, Select } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/audit/audit-filters-schema";

const toLocalInput = (date: Date | undefined) => (date ? date.toISOString().slice(0, 16) : "");

/** A plain GET form: the filtered audit log is a URL to share, and it works without JavaScript. */
export function AuditFiltersForm({
  filters,
  options,
}: {
  filters: Partial<AuditFilters>;
  options: { actions: string[]; targetTypes: string[] };
}) {
  const label = "block text-sm font-medium";
  return (
    <form action="/audit" aria-label="Filter audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <div className="space-y-1">
        <label htmlFor="actor" className={label}>
          Actor
        </label>
        <input
          id="actor"
          name="actor"
          type="search"
          defaultValue={filters.actor ?? ""}
          placeholder="Email or key name"
          className={inputClass}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="action" className={label}>
          Action
        </label>
        <Select name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {withCurrent(options.actions, filters.action).map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="target" className={label}>
          Target type
        </label>
        <Select name="target" defaultValue={filters.target ?? ""}>
          <option value="">Any target</option>
          {withCurrent(options.targetTypes, filters.target).map((target) => (
            <option key={target} value={target}>
              {target}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="from" className={label}>
          From (UTC)
        </label>
        <input
          id="from"
          name="from"
          type="datetime-local"
          defaultValue={toLocalInput(filters.from)}
          className={inputClass}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="to" className={label}>
          To (UTC)
        </label>
        <input
          id="to"
          name="to"
          type="datetime-local"
          defaultValue={toLocalInput(filters.to)}
          className={inputClass}
        />
      </div>
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
