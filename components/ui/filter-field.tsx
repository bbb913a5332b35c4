import type { ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/** One labelled control of a GET filter form (request history, audit log); `name` is also the control's id. */
export function FilterField({
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

/** A "from" or "to" bound in UTC: what a datetime-local field shows ("2026-11-21T20:18"); pages work in UTC. */
export function UtcTimeFilter({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: Date | undefined;
}) {
  return (
    <FilterField label={label} name={name}>
      <input
        id={name}
        name={name}
        type="datetime-local"
        defaultValue={value ? value.toISOString().slice(0, 16) : ""}
        className={inputClass}
      />
    </FilterField>
  );
}
