"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePlaybookAction, savePlaybookAction } from "@/app/(admin)/playbooks/actions";
import { Alert } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EditorActions } from "@/components/ui/editor-actions";
import { Field, inputClass, TextInput } from "@/components/ui/field";

export type PlaybookDraft = {
  id?: string;
  slug: string;
  name: string;
  description: string;
  timeoutSeconds: number;
  steps: unknown;
};

const EXAMPLE_STEPS = [
  { id: "first", server: "everything", tool: "echo", arguments: "{ 'message': input }" },
  {
    id: "second",
    server: "everything",
    tool: "echo",
    arguments: "{ 'message': steps.first.text & ' again' }",
    when: "steps.first.isError = false",
    onError: { retry: 2 },
  },
];

/**
 * A playbook as JSON steps with the other fields beside them. The steps are checked where they are saved (the same
 * zod schema jobs run with, JSONata compiled), and each problem is shown at its path.
 */
export function PlaybookEditor({ draft, canEdit }: { draft: PlaybookDraft | null; canEdit: boolean }) {
  const router = useRouter();
  const confirm = useConfirm();
  const [slug, setSlug] = useState(draft?.slug ?? "");
  const [name, setName] = useState(draft?.name ?? "");
  const [description, setDescription] = useState(draft?.description ?? "");
  const [timeout, setTimeoutSeconds] = useState(String(draft?.timeoutSeconds ?? 300));
  const [steps, setSteps] = useState(JSON.stringify(draft?.steps ?? EXAMPLE_STEPS, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    let parsedSteps: unknown;
    try {
      parsedSteps = JSON.parse(steps);
    } catch (error) {
      setErrors([`Steps are not valid JSON: ${(error as Error).message}`]);
      return;
    }
    setBusy(true);
    const result = await savePlaybookAction({
      id: draft?.id,
      playbook: {
        slug,
        name,
        description: description || undefined,
        timeoutSeconds: Number(timeout),
        steps: parsedSteps as never,
      },
    });
    setBusy(false);
    if (!result.ok) {
      const fields = Object.entries(result.error.fields ?? {}).map(
        ([path, message]) => `${path.replace(/^playbook\./, "")}: ${message}`,
      );
      setErrors(fields.length > 0 ? fields : [result.error.message]);
      return;
    }
    setErrors([]);
    setSaved(true);
    if (!draft?.id) router.push(`/playbooks/${result.data.id}`);
    else router.refresh();
  }

  async function remove() {
    if (!draft?.id) return;
    const ok = await confirm({
      title: "Delete playbook?",
      message: `Delete the playbook "${name}"? Its past jobs stay in the history.`,
      confirmLabel: "Delete playbook",
    });
    if (!ok) return;
    const result = await deletePlaybookAction({ id: draft.id });
    if (result.ok) router.push("/playbooks");
    else setErrors([result.error.message]);
  }

  return (
    <form onSubmit={save} className="space-y-4" aria-label="Playbook">
      {errors.length > 0 ? (
        <Alert>
          <ul className="list-inside list-disc" data-testid="playbook-errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {saved ? <Alert tone="green">Saved.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Name" name="name">
          <TextInput name="name" value={name} onChange={(e) => setName(e.target.value)} disabled={!canEdit} />
        </Field>
        <Field label="Slug" name="slug" hint="Used in POST /api/v1/jobs and webhook routes">
          <TextInput name="slug" value={slug} onChange={(e) => setSlug(e.target.value)} disabled={!canEdit} />
        </Field>
        <Field label="Timeout (seconds)" name="timeoutSeconds">
          <TextInput
            name="timeoutSeconds"
            type="number"
            min={1}
            value={timeout}
            onChange={(e) => setTimeoutSeconds(e.target.value)}
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Field label="Description" name="description">
        <TextInput
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          disabled={!canEdit}
        />
      </Field>
      <Field
        label="Steps (JSON)"
        name="steps"
        hint="Each step: id, server (slug), tool, arguments and when (JSONata over {input, payload, steps}), onError: stop | continue | {retry: n}."
      >
        <textarea
          id="steps"
          name="steps"
          rows={18}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={steps}
          onChange={(e) => setSteps(e.target.value)}
          disabled={!canEdit}
        />
      </Field>
      {canEdit ? (
        <EditorActions busy={busy} saveLabel="Save playbook" onDelete={draft?.id ? remove : undefined} />
      ) : null}
    </form>
  );
}
