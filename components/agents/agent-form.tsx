"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteAgentAction, saveAgentAction } from "@/app/(admin)/agents/actions";
import { Alert } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EditorActions } from "@/components/ui/editor-actions";
import { Field, inputClass, TextInput } from "@/components/ui/field";

export type AgentDraft = {
  id?: string;
  slug: string;
  name: string;
  model: string;
  systemPrompt: string;
  allowedTools: string[];
  stepLimit: number;
  temperature: number | null;
  timeoutSeconds: number;
};

/** An agent's fields; checked where they are saved (lib/agents/agent-input-schema.ts), each problem shown by name. */
export function AgentForm({ draft, canEdit }: { draft: AgentDraft | null; canEdit: boolean }) {
  const router = useRouter();
  const confirm = useConfirm();
  const [form, setForm] = useState({
    slug: draft?.slug ?? "",
    name: draft?.name ?? "",
    model: draft?.model ?? "",
    systemPrompt: draft?.systemPrompt ?? "",
    allowedTools: (draft?.allowedTools ?? []).join("\n"),
    stepLimit: String(draft?.stepLimit ?? 5),
    temperature:
      draft?.temperature === null || draft?.temperature === undefined ? "" : String(draft.temperature),
    timeoutSeconds: String(draft?.timeoutSeconds ?? 300),
  });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // Errors come back by path ("agent.allowedTools.2"); each field shows the first of its own.
  const fieldError = (name: string) =>
    Object.entries(fields).find(
      ([path]) => path === `agent.${name}` || path.startsWith(`agent.${name}.`),
    )?.[1];
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    setBusy(true);
    const result = await saveAgentAction({
      id: draft?.id,
      agent: {
        slug: form.slug,
        name: form.name,
        model: form.model || undefined,
        systemPrompt: form.systemPrompt,
        allowedTools: form.allowedTools
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        stepLimit: Number(form.stepLimit),
        temperature: form.temperature === "" ? undefined : Number(form.temperature),
        timeoutSeconds: Number(form.timeoutSeconds),
      },
    });
    setBusy(false);
    setFields(result.ok ? {} : (result.error.fields ?? {}));
    setError(result.ok ? null : result.error.message);
    if (!result.ok) return;
    setSaved(true);
    if (!draft?.id) router.push(`/agents/${result.data.id}`);
    else router.refresh();
  }

  async function remove() {
    if (!draft?.id) return;
    const ok = await confirm({
      title: "Delete agent?",
      message: `Delete the agent "${form.name}"? Its past jobs stay in the history.`,
      confirmLabel: "Delete agent",
    });
    if (!ok) return;
    const result = await deleteAgentAction({ id: draft.id });
    if (result.ok) router.push("/agents");
    else setError(result.error.message);
  }

  return (
    <form onSubmit={save} className="space-y-4" aria-label="Agent">
      {error ? (
        <div data-testid="agent-error">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {saved ? <Alert tone="green">Saved.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Name" name="name" error={fieldError("name")}>
          <TextInput
            name="name"
            error={fieldError("name")}
            value={form.name}
            onChange={set("name")}
            disabled={!canEdit}
          />
        </Field>
        <Field
          label="Slug"
          name="slug"
          error={fieldError("slug")}
          hint='Used as "agent" in POST /api/v1/jobs'
        >
          <TextInput
            name="slug"
            error={fieldError("slug")}
            value={form.slug}
            onChange={set("slug")}
            disabled={!canEdit}
          />
        </Field>
        <Field label="Model" name="model" error={fieldError("model")} hint="Empty: ORBIT_AGENT_MODEL">
          <TextInput
            name="model"
            error={fieldError("model")}
            value={form.model}
            onChange={set("model")}
            disabled={!canEdit}
          />
        </Field>
        <Field
          label="Step limit"
          name="stepLimit"
          error={fieldError("stepLimit")}
          hint="Model round trips before it must answer"
        >
          <TextInput
            name="stepLimit"
            error={fieldError("stepLimit")}
            type="number"
            min={1}
            max={50}
            value={form.stepLimit}
            onChange={set("stepLimit")}
            disabled={!canEdit}
          />
        </Field>
        <Field
          label="Temperature"
          name="temperature"
          error={fieldError("temperature")}
          hint="Empty: the model's default"
        >
          <TextInput
            name="temperature"
            error={fieldError("temperature")}
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={form.temperature}
            onChange={set("temperature")}
            disabled={!canEdit}
          />
        </Field>
        <Field label="Timeout (seconds)" name="timeoutSeconds" error={fieldError("timeoutSeconds")}>
          <TextInput
            name="timeoutSeconds"
            error={fieldError("timeoutSeconds")}
            type="number"
            min={1}
            value={form.timeoutSeconds}
            onChange={set("timeoutSeconds")}
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Field label="System prompt" name="systemPrompt" error={fieldError("systemPrompt")}>
        <textarea
          id="systemPrompt"
          name="systemPrompt"
          rows={6}
          className={inputClass}
          value={form.systemPrompt}
          onChange={set("systemPrompt")}
          disabled={!canEdit}
        />
      </Field>
      <Field
        label="Allowed tools"
        name="allowedTools"
        error={fieldError("allowedTools")}
        hint="One <server>/<tool> pattern per line, * as wildcard (everything/echo, github/*). None: no tools."
      >
        <textarea
          id="allowedTools"
          name="allowedTools"
          rows={4}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={form.allowedTools}
          onChange={set("allowedTools")}
          disabled={!canEdit}
        />
      </Field>
      {canEdit ? (
        <EditorActions busy={busy} saveLabel="Save agent" onDelete={draft?.id ? remove : undefined} />
      ) : null}
    </form>
  );
}
