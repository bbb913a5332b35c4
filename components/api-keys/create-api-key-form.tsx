"use client";

import { useState } from "react";
import { createApiKeyAction } from "@/app/(admin)/keys/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { NewApiKeyNotice } from "./new-api-key-notice";

const generalScopes = [
  { scope: "mcp", label: "mcp — every MCP server, including ones added later" },
  { scope: "metrics", label: "metrics — GET /api/metrics" },
  { scope: "admin", label: "admin — the admin REST API" },
  { scope: "jobs", label: "jobs — start, read and cancel jobs (/api/v1/jobs)" },
] as const;

type CreatedKey = { name: string; secret: string };

/** Patterns are typed one per line (commas work too), which is how people paste them from docs and chats. */
function patterns(value: FormDataEntryValue | null): string[] {
  return String(value ?? "")
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function CreateApiKeyForm({ servers }: { servers: { slug: string; name: string }[] }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [allServers, setAllServers] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);

  // Errors come back per item ("allowedTools.2"); each field shows the first of its own.
  const fieldError = (name: string) =>
    fields[name] ?? Object.entries(fields).find(([path]) => path.startsWith(`${name}.`))?.[1];

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setFields({});
    setCreated(null);
    const result = await createApiKeyAction({
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scope").map(String),
      allowedTools: patterns(form.get("allowedTools")),
      deniedTools: patterns(form.get("deniedTools")),
      expiresAt: String(form.get("expiresAt") ?? "") || undefined,
    });
    setPending(false);
    if (result.ok) {
      setCreated({ name: result.data.name, secret: result.data.key });
      formElement.reset();
      setAllServers(false);
    } else {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
    }
  }

  const scopeError = fieldError("scopes");
  return (
    <div className="space-y-4">
      {created ? <NewApiKeyNotice {...created} onDismiss={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Create an API key">
        {error ? <Alert>{error}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Name"
            name="name"
            error={fieldError("name")}
            hint="Who or what uses it, e.g. ci-agent."
          >
            <TextInput name="name" required autoComplete="off" error={fieldError("name")} />
          </Field>
          <Field
            label="Expires"
            name="expiresAt"
            error={fieldError("expiresAt")}
            hint="Optional. The key stops working at 00:00 UTC on this day."
          >
            <TextInput name="expiresAt" type="date" error={fieldError("expiresAt")} />
          </Field>
        </div>

        <fieldset className="space-y-2" aria-describedby={scopeError ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          {generalScopes.map(({ scope, label }) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scope"
                value={scope}
                onChange={scope === "mcp" ? (e) => setAllServers(e.target.checked) : undefined}
              />
              {label}
            </label>
          ))}
          {scopeError ? (
            <p id="scopes-error" className="text-xs text-red-600 dark:text-red-400">
              {scopeError}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Servers</legend>
          <p className="text-xs text-zinc-500">
            {allServers
              ? "mcp already gives every server."
              : "Or pick the servers this key may reach (a server:<slug> scope each)."}
          </p>
          {servers.length === 0 ? (
            <p className="text-sm text-zinc-500">No servers registered yet.</p>
          ) : (
            <div className="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-zinc-200 p-2 sm:grid-cols-2 dark:border-zinc-800">
              {servers.map((server) => (
                <label key={server.slug} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="scope" value={`server:${server.slug}`} disabled={allServers} />
                  {server.name} <span className="font-mono text-xs text-zinc-500">{server.slug}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <PatternField
            name="allowedTools"
            label="Allowed tools"
            error={fieldError("allowedTools")}
            hint="One <server>/<tool> per line; * is a wildcard (everything/echo, github/get_*). Empty: every tool of the servers above."
          />
          <PatternField
            name="deniedTools"
            label="Denied tools"
            error={fieldError("deniedTools")}
            hint="Same syntax; a denied tool stays denied even when allowed (*/delete_*)."
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </div>
  );
}

function PatternField({
  name,
  label,
  error,
  hint,
}: {
  name: string;
  label: string;
  error?: string;
  hint: string;
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <textarea
        id={name}
        name={name}
        rows={3}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : `${name}-hint`}
        className={`${inputClass} font-mono`}
      />
    </Field>
  );
}
