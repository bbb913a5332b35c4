import type { SecretChange } from "./integration-input-schema";
import { integrationInputError } from "./parse-integration-input";

/**
 * Applies an edit's secret changes to the stored secrets (see secretChange). Rotation is two edits: add the new
 * secret (both verify meanwhile), then, once the sender uses it, remove the old one.
 */
export function applySecretChanges(stored: string[], changes: SecretChange[]): string[] {
  const slots: (string | null)[] = [...stored];
  const added: string[] = [];
  for (const change of changes) {
    if (change.op === "add") {
      added.push(change.value);
      continue;
    }
    if (change.index >= stored.length) {
      throw integrationInputError([
        { path: "secrets", message: `there is no stored secret ${change.index + 1}` },
      ]);
    }
    if (change.op === "remove") slots[change.index] = null;
    if (change.op === "replace") slots[change.index] = change.value;
  }
  const next = [...slots.filter((s): s is string => s !== null), ...added];
  if (next.length === 0)
    throw integrationInputError([{ path: "secrets", message: "keep at least one secret" }]);
  if (next.length > 2) {
    throw integrationInputError([
      { path: "secrets", message: "at most two secrets; remove the old one when adding a second" },
    ]);
  }
  return next;
}
