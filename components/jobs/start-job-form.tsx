"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { startJobAction } from "@/app/(admin)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, inputClass, Select } from "@/components/ui/field";

type Shape = "input" | "command" | "textEntries";

/** Starts a playbook job with any of the API's three payload shapes, then opens its live page. */
export function StartJobForm({ playbooks }: { playbooks: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [playbook, setPlaybook] = useState(playbooks[0]?.slug ?? "");
  const [shape, setShape] = useState<Shape>("input");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const payload =
      shape === "textEntries"
        ? { textEntries: text.split(/\n\s*\n/).map((content) => ({ content, type: "text" as const })) }
        : { [shape]: text };
    const result = await startJobAction({ ...payload, playbook });
    setBusy(false);
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    router.push(`/jobs/${result.data.jobId}`);
  }

  if (playbooks.length === 0) {
    return <p className="text-sm text-zinc-500">Create a playbook first (Playbooks).</p>;
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Start a job">
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Playbook" name="playbook">
          <Select name="playbook" value={playbook} onChange={(e) => setPlaybook(e.target.value)}>
            {playbooks.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name} ({p.slug})
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Payload shape"
          name="shape"
          hint="textEntries: one entry per blank-line-separated block"
        >
          <Select name="shape" value={shape} onChange={(e) => setShape(e.target.value as Shape)}>
            <option value="input">input</option>
            <option value="command">command</option>
            <option value="textEntries">textEntries</option>
          </Select>
        </Field>
      </div>
      <Field label="Input" name="job-input">
        <textarea
          id="job-input"
          name="job-input"
          rows={3}
          className={inputClass}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? "Starting…" : "Start job"}
      </Button>
    </form>
  );
}
