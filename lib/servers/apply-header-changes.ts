import { AppError } from "@/lib/errors/app-error";
import type { HeaderChange } from "./server-input-schema";

/**
 * Applies an edit's header rows to the stored headers (see updateServerInput). Names match case-insensitively, as
 * HTTP does; a changed row takes the spelling the operator typed.
 */
export function applyHeaderChanges(
  stored: Record<string, string>,
  changes: HeaderChange[],
): Record<string, string> {
  const next = new Map(Object.entries(stored).map(([name, value]) => [name.toLowerCase(), { name, value }]));
  for (const change of changes) {
    const key = change.name.toLowerCase();
    if (change.remove) {
      next.delete(key);
    } else if (change.value !== "") {
      next.set(key, { name: change.name, value: change.value });
    } else if (!next.has(key)) {
      throw new AppError("bad_request", `Enter a value for the header ${change.name}; none is stored yet.`, {
        details: { field: "headers" },
      });
    }
  }
  return Object.fromEntries([...next.values()].map(({ name, value }) => [name, value]));
}
