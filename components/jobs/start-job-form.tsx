"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { startJobAction } from "@/app/(admin)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, inputClass, Select } from "@/components/ui/field";

type Shape = "input" | "command" | "textEntries";
type Kind = "playbook" | "agent";
type Target = { slug: string; name: string };

/**
 * Starts a playbook or agent job with any of the API's three payload shapes, then opens its live page. `agents` is
 * null while LLM agents are off (no model endpoint configured), and the form then offers playbooks only.
 */
export function StartJobForm({ playbooks, agents }: { playbooks: Target[]; agents: Target[] | null }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(playbooks.length === 0 && agents?.length ? "agent" : "playbook");
  const [playbook, setPlaybook] = useState(playbooks[0]?.slug ?? "");
  const [agent, setAgent] = useState(agents?.[0]?.slug ?? "");
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
    const result = await startJobAction({ ...payload, ...(kind === "agent" ? { agent } : { playbook }) });
    setBusy(false);
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    router.push(`/jobs/${result.data.jobId}`);
  }

  if (playbooks.length === 0 && !agents?.length) {
    return (
      <p className="text-sm text-zinc-500">
        Create a playbook{agents ? " or an agent" : ""} first (Playbooks{agents ? ", Agents" : ""}).
      </p>
    );
  }
  const targets = kind === "agent" ? (agents ?? []) : playbooks;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Start a job">
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label="Run"
          name="kind"
          hint={agents ? undefined : "Agents are off: set OPENAI_BASE_URL and OPENAI_API_KEY"}
        >
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="playbook" disabled={playbooks.length === 0}>
              Playbook
            </option>
            {agents ? (
              <option value="agent" disabled={agents.length === 0}>
                Agent
              </option>
            ) : null}
          </Select>
        </Field>
        <Field label={kind === "agent" ? "Agent" : "Playbook"} name="target">
          <Select
            name="target"
            value={kind === "agent" ? agent : playbook}
            onChange={(e) => (kind === "agent" ? setAgent : setPlaybook)(e.target.value)}
          >
            {targets.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name} ({t.slug})
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
