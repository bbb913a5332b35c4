"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** One stored secret's fate in an edit; values typed here are the only ones the browser ever holds. */
export type StoredSecretRow = { op: "keep" | "replace" | "remove"; value: string };
export type SecretsState = { stored: StoredSecretRow[]; added: string[] };

export function initialSecrets(secretCount: number): SecretsState {
  return {
    stored: Array.from({ length: secretCount }, () => ({ op: "keep", value: "" })),
    added: secretCount === 0 ? [""] : [],
  };
}

/** For a new integration: the non-empty secrets. For an edit: the patch (see secretChange), or undefined if none. */
type SecretChangePayload =
  | { op: "remove"; index: number }
  | { op: "replace"; index: number; value: string }
  | { op: "add"; value: string };

export function secretsPayload(
  state: SecretsState,
  editing: boolean,
): string[] | SecretChangePayload[] | undefined {
  const added = state.added.map((v) => v.trim()).filter(Boolean);
  if (!editing) return added;
  const changes: SecretChangePayload[] = [
    ...state.stored.flatMap((row, index): SecretChangePayload[] =>
      row.op === "remove"
        ? [{ op: "remove" as const, index }]
        : row.op === "replace" && row.value.trim()
          ? [{ op: "replace" as const, index, value: row.value }]
          : [],
    ),
    ...added.map((value) => ({ op: "add" as const, value })),
  ];
  return changes.length ? changes : undefined;
}

/**
 * Stored secrets show only as "set". Replace one, remove one, or add a second while rotating (both verify until
 * the old one is removed).
 */
export function SecretsEditor({
  state,
  onChange,
  editing,
  placeholder,
  error,
}: {
  state: SecretsState;
  onChange: (state: SecretsState) => void;
  editing: boolean;
  placeholder: string;
  error?: string;
}) {
  const kept = state.stored.filter((s) => s.op !== "remove").length;
  const canAdd = kept + state.added.length < 2;
  const setAdded = (index: number, value: string) =>
    onChange({ ...state, added: state.added.map((v, i) => (i === index ? value : v)) });
  const setStored = (index: number, row: StoredSecretRow) =>
    onChange({ ...state, stored: state.stored.map((r, i) => (i === index ? row : r)) });

  return (
    <div className="space-y-2">
      {editing ? (
        <p className="text-sm" data-testid="secret-count">
          {state.stored.length === 1 ? "1 secret set" : `${state.stored.length} secrets set`}
        </p>
      ) : null}
      {state.stored.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stored secrets are identified only by position
        <div key={index} className="flex flex-wrap items-center gap-2">
          <span className="w-24 text-sm">
            Secret {index + 1}
            {index === 0 && state.stored.length === 2 ? " (old)" : ""}
          </span>
          {row.op === "replace" ? (
            <input
              aria-label={`New value for secret ${index + 1}`}
              className={`${inputClass} max-w-md flex-1`}
              type="password"
              autoComplete="off"
              value={row.value}
              placeholder={placeholder}
              onChange={(e) => setStored(index, { op: "replace", value: e.target.value })}
            />
          ) : (
            <span
              className={`text-sm ${row.op === "remove" ? "text-red-600 line-through" : "text-zinc-500"}`}
            >
              set{row.op === "remove" ? " — will be removed" : ""}
            </span>
          )}
          {row.op === "keep" ? (
            <>
              <Button variant="ghost" onClick={() => setStored(index, { op: "replace", value: "" })}>
                Replace secret {index + 1}
              </Button>
              <Button variant="ghost" onClick={() => setStored(index, { op: "remove", value: "" })}>
                Remove secret {index + 1}
              </Button>
            </>
          ) : (
            <Button variant="ghost" onClick={() => setStored(index, { op: "keep", value: "" })}>
              Keep secret {index + 1}
            </Button>
          )}
        </div>
      ))}
      {state.added.map((value, index) => {
        const label =
          state.stored.length + index === 0
            ? "Secret"
            : editing
              ? "Added secret (rotation)"
              : "Second secret (rotation)";
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or dropped from the end
          <div key={`add-${index}`} className="flex flex-wrap items-center gap-2">
            <label className="w-24 text-sm" htmlFor={`secret-add-${index}`}>
              {label}
            </label>
            <input
              id={`secret-add-${index}`}
              aria-label={label}
              className={`${inputClass} max-w-md flex-1`}
              type="password"
              autoComplete="off"
              value={value}
              placeholder={placeholder}
              onChange={(e) => setAdded(index, e.target.value)}
            />
            {state.added.length > 1 || editing ? (
              <Button
                variant="ghost"
                onClick={() => onChange({ ...state, added: state.added.filter((_, i) => i !== index) })}
              >
                Cancel
              </Button>
            ) : null}
          </div>
        );
      })}
      {canAdd ? (
        <Button variant="secondary" onClick={() => onChange({ ...state, added: [...state.added, ""] })}>
          {kept + state.added.length === 0 ? "Add a secret" : "Add second secret (rotation)"}
        </Button>
      ) : null}
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
