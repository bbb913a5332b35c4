"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { updateToolOverridesAction } from "@/app/(admin)/tools/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import type { ToolOverrides } from "@/lib/tools/tool-state";

/** The operator's overrides of one tool; each save is a new version in the tool's history. */
export function ToolOverridesForm({
  toolId,
  overrides,
  readOnly,
  upstreamDescription,
}: {
  toolId: string;
  overrides: ToolOverrides;
  readOnly: boolean;
  upstreamDescription: string | null;
}) {
  const router = useRouter();
  const [enabled, setEnabled] = useState(overrides.enabled);
  const [description, setDescription] = useState(overrides.descriptionOverride ?? "");
  const [ttl, setTtl] = useState(overrides.cacheTtlSeconds ? String(overrides.cacheTtlSeconds) : "");
  const [retry, setRetry] = useState(overrides.retryOverride ?? "");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  // A restored version (or a change made elsewhere) arrives as new props after router.refresh(): show it. After this
  // form's own save the props equal what is shown, and the success message stays.
  const stored = JSON.stringify(overrides);
  useEffect(() => {
    const next = JSON.parse(stored) as ToolOverrides;
    setEnabled(next.enabled);
    setDescription(next.descriptionOverride ?? "");
    setTtl(next.cacheTtlSeconds ? String(next.cacheTtlSeconds) : "");
    setRetry(next.retryOverride ?? "");
  }, [stored]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const ttlNumber = ttl.trim() === "" ? null : Number(ttl);
    const result = await updateToolOverridesAction({
      toolId,
      enabled,
      descriptionOverride: description,
      cacheTtlSeconds: ttlNumber,
      retryOverride: retry === "" ? null : (retry as "never" | "safe" | "always"),
    });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setMessage({ tone: "red", text: result.error.message });
      return;
    }
    setFields({});
    setMessage({ tone: "green", text: "Overrides saved; every instance applies them within 5 seconds." });
    router.refresh();
  }

  return (
    <form onSubmit={save} aria-label="Overrides" className="space-y-4" noValidate>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          disabled={readOnly}
          onChange={(e) => setEnabled(e.target.checked)}
          className="h-4 w-4"
        />
        Enabled
        <span className="font-normal text-zinc-500">
          — a disabled tool is hidden from every tools/list and refused on every path (MCP, REST, webhooks,
          chat).
        </span>
      </label>
      <div className="space-y-1">
        <label htmlFor="descriptionOverride" className="block text-sm font-medium">
          Description shown to MCP clients
        </label>
        <textarea
          id="descriptionOverride"
          name="descriptionOverride"
          rows={3}
          maxLength={4000}
          value={description}
          disabled={readOnly}
          placeholder={upstreamDescription ?? "The upstream gives no description."}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={fields.descriptionOverride ? true : undefined}
          className={inputClass}
        />
        <p className="text-xs text-red-600 dark:text-red-400">{fields.descriptionOverride}</p>
        <p className="text-xs text-zinc-500">Empty: the upstream's description.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Cache TTL (seconds)"
          name="cacheTtlSeconds"
          error={fields.cacheTtlSeconds}
          hint="Empty or 0: never cached. Only read-only tools are ever answered from cache."
        >
          <TextInput
            name="cacheTtlSeconds"
            type="number"
            min={0}
            max={86400}
            inputMode="numeric"
            value={ttl}
            disabled={readOnly}
            error={fields.cacheTtlSeconds}
            onChange={(e) => setTtl(e.target.value)}
          />
        </Field>
        <Field
          label="Retry policy"
          name="retryOverride"
          error={fields.retryOverride}
          hint="Safe: retry when the tool's hints say repeating is harmless."
        >
          <select
            id="retryOverride"
            name="retryOverride"
            value={retry}
            disabled={readOnly}
            onChange={(e) => setRetry(e.target.value)}
            className={inputClass}
          >
            <option value="">Follow the hints (safe)</option>
            <option value="safe">Safe</option>
            <option value="always">Always retry</option>
            <option value="never">Never retry</option>
          </select>
        </Field>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {readOnly ? null : (
        <Button type="submit" disabled={busy} data-testid="save-overrides">
          {busy ? "Saving…" : "Save overrides"}
        </Button>
      )}
    </form>
  );
}
