"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveConfigAction } from "@/app/(admin)/settings/actions";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { ConfigSettings } from "@/lib/config/config-schema";
import { configAreas } from "./config-fields";

type Values = Record<string, Record<string, unknown>>;

function show(value: unknown): string {
  return Array.isArray(value) ? value.join("\n") : String(value ?? "");
}

/** Every hot setting, grouped by area; admins edit and save a version, everyone else reads. */
export function SettingsForm({
  settings,
  defaults,
  version,
  canEdit,
}: {
  settings: ConfigSettings;
  defaults: ConfigSettings;
  version: number;
  canEdit: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Values = {};
    for (const { area, fields: defs } of configAreas) {
      values[area] = Object.fromEntries(
        defs.map((f) => [f.name, String(form.get(`${area}.${f.name}`) ?? "")]),
      );
    }
    setPending(true);
    setError(null);
    setFields({});
    const result = await saveConfigAction({
      settings: values,
      message: String(form.get("message") ?? "") || undefined,
      baseVersion: version,
    });
    setPending(false);
    if (result.ok) {
      toast.show(
        `Saved version ${result.data.version}; every instance applies it within 5 seconds.`,
        "success",
      );
      // The page re-renders with the new version, and the form (keyed by version) starts afresh from it.
      router.refresh();
    } else {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
      if (result.error.code !== "unprocessable") toast.error(result.error.message);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Configuration" className="space-y-6">
      {error ? <Alert>{error}</Alert> : null}
      {!canEdit ? <Alert tone="amber">Only admins change the configuration; you can read it.</Alert> : null}
      <fieldset disabled={!canEdit || pending} className="space-y-6">
        {configAreas.map(({ area, title, fields: defs }) => (
          <Card key={area} title={title}>
            <div className="grid gap-4 sm:grid-cols-2">
              {defs.map((def) => {
                const name = `${area}.${def.name}`;
                const current = (settings[area] as Record<string, unknown>)[def.name];
                const fallback = (defaults[area] as Record<string, unknown>)[def.name];
                const overridden = show(current) !== show(fallback);
                const fieldError =
                  fields[name] ?? Object.entries(fields).find(([p]) => p.startsWith(`${name}.`))?.[1];
                const hint = (
                  <>
                    {def.hint} Default: {show(fallback).replaceAll("\n", ", ") || "none"}
                    {overridden ? (
                      <>
                        {" "}
                        <Badge tone="indigo">changed</Badge>
                      </>
                    ) : null}
                  </>
                );
                return (
                  <Field key={name} label={def.label} name={name} error={fieldError} hint={hint}>
                    {def.kind === "list" ? (
                      <textarea
                        id={name}
                        name={name}
                        rows={3}
                        defaultValue={show(current)}
                        aria-invalid={fieldError ? true : undefined}
                        aria-describedby={fieldError ? `${name}-error` : `${name}-hint`}
                        className={inputClass}
                      />
                    ) : (
                      <TextInput
                        name={name}
                        inputMode="numeric"
                        defaultValue={show(current)}
                        error={fieldError}
                        aria-describedby={fieldError ? `${name}-error` : `${name}-hint`}
                      />
                    )}
                  </Field>
                );
              })}
            </div>
          </Card>
        ))}
        {canEdit ? (
          <div className="flex flex-wrap items-end gap-4">
            <div className="min-w-64 flex-1">
              <Field
                label="Message (optional)"
                name="message"
                error={fields.message}
                hint="Why, for the history."
              >
                <TextInput name="message" maxLength={500} autoComplete="off" error={fields.message} />
              </Field>
            </div>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save as a new version"}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
