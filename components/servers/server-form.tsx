"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createServerAction,
  inspectDraftServerAction,
  updateServerAction,
} from "@/app/(admin)/servers/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, inputClass, Select, TextInput } from "@/components/ui/field";
import type { ServerInspection } from "@/lib/mcp/inspect-server";
import type { ServerView } from "@/lib/servers/to-server-view";
import { InspectionView } from "./inspection-view";

type EndpointRow = { key: number; url: string; weight: number };
type HeaderRow = { key: number; name: string; value: string; stored: boolean; remove: boolean };

// Rows need a stable React key before they have any identity of their own.
let lastRowKey = 0;
const rowKey = () => ++lastRowKey;

/**
 * Add and edit share this form. Stored header values never reach the browser: a stored header shows as "set", an
 * empty value keeps it, a typed value replaces it, and "remove" deletes it.
 */
export function ServerForm({
  server,
  defaultTimeoutMs = 30_000,
}: {
  server?: ServerView;
  defaultTimeoutMs?: number;
}) {
  const router = useRouter();
  const [endpoints, setEndpoints] = useState<EndpointRow[]>(
    server?.endpoints.map(({ url, weight }) => ({ key: rowKey(), url, weight })) ?? [
      { key: rowKey(), url: "", weight: 1 },
    ],
  );
  const [headers, setHeaders] = useState<HeaderRow[]>(
    server?.headerNames.map((name) => ({ key: rowKey(), name, value: "", stored: true, remove: false })) ??
      [],
  );
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"save" | "test" | null>(null);
  const [inspection, setInspection] = useState<ServerInspection | null>(null);

  function collect(form: HTMLFormElement) {
    const data = new FormData(form);
    const timeoutSeconds = Number(data.get("timeoutSeconds") || 30);
    return {
      name: String(data.get("name") ?? ""),
      slug: String(data.get("slug") ?? ""),
      // Only on "Add": once saved, the alias is fixed (the edit form shows it disabled, which submits nothing).
      alias: String(data.get("alias") ?? ""),
      transport: String(data.get("transport") ?? "streamable_http"),
      endpoints: endpoints.map((e) => ({ url: e.url, weight: Number(e.weight) || 1 })),
      timeoutMs: Math.round(timeoutSeconds * 1000),
      tags: String(data.get("tags") ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      enabled: server ? data.get("enabled") === "on" : true,
      fetchTools: data.get("fetchTools") === "on",
    };
  }

  function headerPayload(forEdit: boolean) {
    const rows = headers.filter((h) => h.name.trim() || h.value.trim());
    if (forEdit) return rows.map(({ name, value, remove }) => ({ name, value, remove }));
    return rows.map(({ name, value }) => ({ name, value }));
  }

  function showFailure(result: { error: { message: string; fields?: Record<string, string> } }) {
    setError(result.error.message);
    setFields(result.error.fields ?? {});
  }

  async function onTest(form: HTMLFormElement) {
    const values = collect(form);
    setPending("test");
    setError(null);
    setFields({});
    setInspection(null);
    const input = {
      transport: values.transport,
      endpoints: values.endpoints,
      timeoutMs: values.timeoutMs,
      headers: headerPayload(Boolean(server)),
    };
    const result = await inspectDraftServerAction({ serverId: server?.id, input });
    setPending(null);
    if (result.ok) setInspection(result.data);
    else showFailure(result);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { fetchTools, slug, alias, ...values } = collect(event.currentTarget);
    setPending("save");
    setError(null);
    setFields({});
    const result = server
      ? await updateServerAction({
          serverId: server.id,
          input: { ...values, ...(slug ? { slug } : {}), headers: headerPayload(true) },
        })
      : await createServerAction({
          input: { ...values, slug, alias, headers: headerPayload(false) },
          fetchTools,
        });
    if (result.ok) {
      router.push(`/servers/${result.data.id}`);
      router.refresh();
      return;
    }
    setPending(null);
    showFailure(result);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-6"
      noValidate
      aria-label={server ? "Edit server" : "Add server"}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Card title="Server">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" name="name" error={fields.name}>
            <TextInput name="name" required defaultValue={server?.name} error={fields.name} />
          </Field>
          <Field
            label="Slug"
            name="slug"
            error={fields.slug}
            hint="Used in /api/mcp/{slug}; derived from the name when empty."
          >
            <TextInput
              name="slug"
              defaultValue={server?.slug}
              error={fields.slug}
              placeholder="derived from the name"
            />
          </Field>
          <Field
            label="Alias"
            name="alias"
            error={fields.alias}
            hint={
              server
                ? "Fixed at registration: its tools stay <alias>__<tool> on /api/mcp, whatever the slug becomes."
                : "Its tools appear on /api/mcp as <alias>__<tool>. The slug when empty; fixed once saved."
            }
          >
            <TextInput
              name="alias"
              defaultValue={server?.alias}
              disabled={Boolean(server)}
              error={fields.alias}
              placeholder="the slug"
            />
          </Field>
          <Field label="Transport" name="transport">
            <Select name="transport" defaultValue={server?.transport ?? "streamable_http"}>
              <option value="streamable_http">Streamable HTTP</option>
              <option value="sse">SSE (older servers)</option>
            </Select>
          </Field>
          <Field label="Timeout (seconds)" name="timeoutSeconds" error={fields.timeoutMs}>
            <TextInput
              name="timeoutSeconds"
              type="number"
              min={1}
              max={120}
              defaultValue={server ? server.timeoutMs / 1000 : defaultTimeoutMs / 1000}
              error={fields.timeoutMs}
            />
          </Field>
          <Field label="Tags" name="tags" error={fields.tags} hint="Comma-separated.">
            <TextInput name="tags" defaultValue={server?.tags.join(", ")} error={fields.tags} />
          </Field>
          {server ? (
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input type="checkbox" name="enabled" defaultChecked={server.enabled} /> Enabled
            </label>
          ) : null}
        </div>
      </Card>

      <Card
        title="Endpoints"
        actions={
          <Button
            variant="secondary"
            onClick={() => setEndpoints([...endpoints, { key: rowKey(), url: "", weight: 1 }])}
            disabled={endpoints.length >= 10}
          >
            Add endpoint
          </Button>
        }
      >
        <p className="mb-3 text-xs text-zinc-500">
          One URL per replica of the server; requests are shared by weight.{" "}
          {fields.endpoints ? <span className="text-red-600">{fields.endpoints}</span> : null}
        </p>
        <div className="space-y-2">
          {endpoints.map((endpoint, index) => (
            <div key={endpoint.key} className="flex flex-wrap items-start gap-2">
              <div className="min-w-64 flex-1">
                <label className="sr-only" htmlFor={`endpoint-url-${index}`}>
                  Endpoint URL {index + 1}
                </label>
                <input
                  id={`endpoint-url-${index}`}
                  aria-label={index === 0 ? "Endpoint URL" : `Endpoint URL ${index + 1}`}
                  className={inputClass}
                  type="url"
                  placeholder="http://127.0.0.1:3001/mcp"
                  value={endpoint.url}
                  aria-invalid={fields[`endpoints.${index}.url`] ? true : undefined}
                  onChange={(e) =>
                    setEndpoints(
                      endpoints.map((row, i) => (i === index ? { ...row, url: e.target.value } : row)),
                    )
                  }
                />
                {fields[`endpoints.${index}.url`] ? (
                  <p className="mt-1 text-xs text-red-600">{fields[`endpoints.${index}.url`]}</p>
                ) : null}
              </div>
              <div className="w-24">
                <input
                  aria-label={`Weight of endpoint ${index + 1}`}
                  className={inputClass}
                  type="number"
                  min={1}
                  max={100}
                  value={endpoint.weight}
                  onChange={(e) =>
                    setEndpoints(
                      endpoints.map((row, i) =>
                        i === index ? { ...row, weight: Number(e.target.value) } : row,
                      ),
                    )
                  }
                />
              </div>
              <Button
                variant="ghost"
                aria-label={`Remove endpoint ${index + 1}`}
                disabled={endpoints.length === 1}
                onClick={() => setEndpoints(endpoints.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            </div>
          ))}
        </div>
      </Card>

      <Card
        title="Headers sent upstream"
        actions={
          <Button
            variant="secondary"
            onClick={() =>
              setHeaders([...headers, { key: rowKey(), name: "", value: "", stored: false, remove: false }])
            }
          >
            Add header
          </Button>
        }
      >
        <p className="mb-3 text-xs text-zinc-500">
          For example an upstream bearer token. Values are encrypted at rest and never shown again.
        </p>
        {headers.length === 0 ? <p className="text-sm text-zinc-500">No headers.</p> : null}
        <div className="space-y-2">
          {headers.map((header, index) => (
            <div
              key={header.key}
              className="flex flex-wrap items-center gap-2"
              data-testid={`header-row-${index}`}
            >
              <input
                aria-label={`Header name ${index + 1}`}
                className={`${inputClass} max-w-56`}
                value={header.name}
                readOnly={header.stored}
                placeholder="Authorization"
                onChange={(e) =>
                  setHeaders(headers.map((row, i) => (i === index ? { ...row, name: e.target.value } : row)))
                }
              />
              <input
                aria-label={`Header value ${index + 1}`}
                className={`${inputClass} flex-1`}
                type="password"
                autoComplete="off"
                value={header.value}
                disabled={header.remove}
                placeholder={header.stored ? "set — type to replace" : "Bearer …"}
                onChange={(e) =>
                  setHeaders(headers.map((row, i) => (i === index ? { ...row, value: e.target.value } : row)))
                }
              />
              {header.stored ? (
                <label className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={header.remove}
                    onChange={(e) =>
                      setHeaders(
                        headers.map((row, i) => (i === index ? { ...row, remove: e.target.checked } : row)),
                      )
                    }
                  />
                  remove
                </label>
              ) : (
                <Button variant="ghost" onClick={() => setHeaders(headers.filter((_, i) => i !== index))}>
                  Remove
                </Button>
              )}
              {fields[`headers.${index}.name`] || fields[`headers.${index}.value`] ? (
                <p className="w-full text-xs text-red-600">
                  {fields[`headers.${index}.name`] ?? fields[`headers.${index}.value`]}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </Card>

      {inspection ? (
        <Card title="Connection test passed">
          <InspectionView inspection={inspection} />
        </Card>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending !== null}>
          {pending === "save" ? "Saving…" : server ? "Save changes" : "Add server"}
        </Button>
        <Button
          variant="secondary"
          disabled={pending !== null}
          onClick={(e) => onTest(e.currentTarget.form as HTMLFormElement)}
        >
          {pending === "test" ? "Connecting…" : "Test connection"}
        </Button>
        {!server ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="fetchTools" defaultChecked /> Connect and fetch tools when adding
            (nothing is saved if the server cannot be reached)
          </label>
        ) : null}
      </div>
    </form>
  );
}
