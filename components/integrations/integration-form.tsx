"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createIntegrationAction, updateIntegrationAction } from "@/app/(admin)/integrations/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, inputClass, Select, TextInput } from "@/components/ui/field";
import type { IntegrationKindName } from "@/lib/integrations/integration-input-schema";
import type { RouteTarget } from "@/lib/integrations/list-route-targets";
import type { IntegrationView } from "@/lib/integrations/to-integration-view";
import { emptyRoute, type MatchKey, RouteEditor, type RouteRow, routePayload, rowKey } from "./route-editor";
import { initialSecrets, SecretsEditor, type SecretsState, secretsPayload } from "./secrets-editor";
import { VerifyConfigFields } from "./verify-config-fields";

const kinds: { value: IntegrationKindName; label: string }[] = [
  { value: "github", label: "GitHub" },
  { value: "standard-webhooks", label: "Standard Webhooks" },
  { value: "respondio", label: "Respond.io" },
  { value: "builderio", label: "Builder.io" },
  { value: "generic", label: "Generic (shared secret or HMAC)" },
];

function toRow(route: IntegrationView["routes"][number]): RouteRow {
  const row = emptyRoute();
  for (const key of Object.keys(row.match) as MatchKey[]) {
    const value = route.match[key];
    if (typeof value === "string") row.match[key] = value;
  }
  return {
    ...row,
    key: rowKey(),
    id: route.id,
    name: route.name,
    enabled: route.enabled,
    isFallback: route.isFallback,
    actionType: route.actionType,
    serverId: route.serverId ?? "",
    toolName: route.toolName ?? "",
    argumentsMapping: route.argumentsMapping ?? "",
    fallbackServerId: route.fallbackServerId ?? "",
    jobKind: route.agent ? "agent" : "playbook",
    playbook: route.playbook ?? "",
    agent: route.agent ?? "",
  };
}

/**
 * Create and edit share this form. Secrets and the reply token never reach the browser: stored ones show as "set";
 * an edit sends only what changed (see secretChange).
 */
export function IntegrationForm({
  integration,
  targets,
}: {
  integration?: IntegrationView;
  targets: RouteTarget[];
}) {
  const router = useRouter();
  const editing = Boolean(integration);
  const [kind, setKind] = useState<IntegrationKindName>(integration?.kind ?? "github");
  const [verifyConfig, setVerifyConfig] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(integration?.verifyConfig ?? {}).filter(([, v]) => typeof v === "string"),
    ) as Record<string, string>,
  );
  const [secrets, setSecrets] = useState<SecretsState>(initialSecrets(integration?.secretCount ?? 0));
  const [reply, setReply] = useState({
    on: Boolean(integration?.reply),
    baseUrl: integration?.reply?.baseUrl ?? "",
    token: "",
    channelId: integration?.reply?.channelId ?? "",
  });
  const [routes, setRoutes] = useState<RouteRow[]>(integration?.routes.map(toRow) ?? []);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function collect(form: HTMLFormElement) {
    const data = new FormData(form);
    const config = Object.fromEntries(Object.entries(verifyConfig).filter(([, v]) => v.trim() !== ""));
    const replyConfig =
      kind === "respondio" && reply.on
        ? { baseUrl: reply.baseUrl, token: reply.token, channelId: reply.channelId }
        : editing && integration?.reply
          ? null
          : undefined;
    return {
      name: String(data.get("name") ?? ""),
      slug: String(data.get("slug") ?? ""),
      kind,
      mode: String(data.get("mode") ?? "async"),
      enabled: data.get("enabled") === "on",
      secrets: secretsPayload(secrets, editing),
      verifyConfig: config,
      syncDeadlineMs: Number(data.get("syncDeadlineMs") || 8000),
      retrySchedule: String(data.get("retrySchedule") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number),
      ...(replyConfig !== undefined ? { replyConfig } : {}),
      routes: routes.map(routePayload),
    };
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { slug, ...values } = collect(event.currentTarget);
    setPending(true);
    setError(null);
    setFields({});
    const result = integration
      ? await updateIntegrationAction({
          integrationId: integration.id,
          input: { ...values, ...(slug ? { slug } : {}) },
        })
      : await createIntegrationAction({ input: { ...values, slug } });
    if (result.ok) {
      router.push(`/integrations/${result.data.id}`);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.error.message);
    setFields(result.error.fields ?? {});
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-6"
      noValidate
      aria-label={editing ? "Edit integration" : "Add integration"}
    >
      {error ? <Alert>{error}</Alert> : null}
      <Card title="Integration">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" name="name" error={fields.name}>
            <TextInput name="name" required defaultValue={integration?.name} error={fields.name} />
          </Field>
          <Field
            label="Slug"
            name="slug"
            error={fields.slug}
            hint="The webhook URL is /api/webhooks/{slug}; derived from the name when empty."
          >
            <TextInput
              name="slug"
              defaultValue={integration?.slug}
              error={fields.slug}
              placeholder="derived from the name"
            />
          </Field>
          <Field label="Kind" name="kind" error={fields.kind}>
            <Select
              name="kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as IntegrationKindName);
                setVerifyConfig({});
              }}
            >
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Mode"
            name="mode"
            hint="Sync answers the sender with the tool's result; async answers 202 at once and the worker processes it."
          >
            <Select name="mode" defaultValue={integration?.mode ?? "async"}>
              <option value="async">Async (202, processed by the worker)</option>
              <option value="sync">Sync (answer with the tool result)</option>
            </Select>
          </Field>
          <Field
            label="Sync deadline (ms)"
            name="syncDeadlineMs"
            error={fields.syncDeadlineMs}
            hint="500–30000."
          >
            <TextInput
              name="syncDeadlineMs"
              type="number"
              min={500}
              max={30000}
              defaultValue={integration?.syncDeadlineMs ?? 8000}
              error={fields.syncDeadlineMs}
            />
          </Field>
          <Field
            label="Retry schedule (seconds)"
            name="retrySchedule"
            error={
              fields.retrySchedule ??
              Object.entries(fields).find(([k]) => k.startsWith("retrySchedule."))?.[1]
            }
            hint="Delay before each attempt, comma-separated; after the last failure the delivery is dead."
          >
            <TextInput
              name="retrySchedule"
              defaultValue={(integration?.retrySchedule ?? [0, 5, 30, 120, 600, 1800]).join(", ")}
            />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={integration?.enabled ?? true} /> Enabled
          </label>
        </div>
      </Card>

      <Card title="Verification">
        <div className="space-y-4">
          <SecretsEditor
            state={secrets}
            onChange={setSecrets}
            editing={editing}
            placeholder={kind === "standard-webhooks" ? "whsec_…" : "the signing secret"}
            error={fields.secrets ?? Object.entries(fields).find(([k]) => k.startsWith("secrets."))?.[1]}
          />
          <VerifyConfigFields kind={kind} values={verifyConfig} onChange={setVerifyConfig} fields={fields} />
        </div>
      </Card>

      {kind === "respondio" ? (
        <Card title="Reply through Respond.io">
          <div className="space-y-3">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={reply.on}
                onChange={(e) => setReply({ ...reply, on: e.target.checked })}
              />
              Send the tool's text result back to the contact
            </label>
            {reply.on ? (
              <div className="grid gap-3 sm:grid-cols-3">
                <Field label="API base URL" name="replyBaseUrl" error={fields["replyConfig.baseUrl"]}>
                  <input
                    id="replyBaseUrl"
                    className={inputClass}
                    value={reply.baseUrl}
                    placeholder="https://api.respond.io/v2"
                    onChange={(e) => setReply({ ...reply, baseUrl: e.target.value })}
                  />
                </Field>
                <Field label="API token" name="replyToken" error={fields["replyConfig.token"]}>
                  <input
                    id="replyToken"
                    className={inputClass}
                    type="password"
                    autoComplete="off"
                    value={reply.token}
                    placeholder={integration?.reply ? "set — type to replace" : ""}
                    onChange={(e) => setReply({ ...reply, token: e.target.value })}
                  />
                </Field>
                <Field
                  label="Channel id (optional)"
                  name="replyChannelId"
                  error={fields["replyConfig.channelId"]}
                >
                  <input
                    id="replyChannelId"
                    className={inputClass}
                    value={reply.channelId}
                    onChange={(e) => setReply({ ...reply, channelId: e.target.value })}
                  />
                </Field>
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}

      <Card
        title="Routes"
        actions={
          <Button
            variant="secondary"
            onClick={() => setRoutes([...routes, emptyRoute()])}
            disabled={routes.length >= 50}
          >
            Add route
          </Button>
        }
      >
        <p className="mb-3 text-xs text-zinc-500">
          Checked in order; the first enabled route that matches is taken, else the fallback route, else the
          delivery is unrouted.
        </p>
        <RouteEditor routes={routes} onChange={setRoutes} targets={targets} fields={fields} />
      </Card>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : "Add integration"}
        </Button>
      </div>
    </form>
  );
}
