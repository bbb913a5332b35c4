"use client";

import { useState } from "react";
import { testToolCallAction } from "@/app/(admin)/maintenance/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field, inputClass, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { CallableServer } from "@/lib/maintenance/list-callable-tools";
import type { ToolTestAnswer } from "@/lib/maintenance/test-tool-call";

/** Server + tool + JSON arguments → the result with latency, attempts and cache, through the real call path. */
export function ToolCallForm({ servers }: { servers: CallableServer[] }) {
  const toast = useToast();
  const [serverId, setServerId] = useState(servers[0]?.id ?? "");
  const tools = servers.find((server) => server.id === serverId)?.tools ?? [];
  const [toolName, setToolName] = useState(tools[0] ?? "");
  const [args, setArgs] = useState("{}");
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<ToolTestAnswer | null>(null);

  if (servers.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Register and enable a server to call its tools.
      </p>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFields({});
    const result = await testToolCallAction({ serverId, toolName, args });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      toast.error(`${result.error.message} (request ${result.requestId})`);
      return;
    }
    setAnswer(result.data);
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label="Call a tool" className="grid gap-3 sm:grid-cols-2">
        <Field label="Server" name="serverId" error={fields.serverId}>
          <Select
            name="serverId"
            value={serverId}
            onChange={(event) => {
              setServerId(event.target.value);
              setToolName(servers.find((server) => server.id === event.target.value)?.tools[0] ?? "");
            }}
          >
            {servers.map((server) => (
              <option key={server.id} value={server.id}>
                {server.name} ({server.slug})
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Tool"
          name="toolName"
          error={fields.toolName}
          hint={tools.length === 0 ? "This server has no listed tools; type a name." : undefined}
        >
          <input
            id="toolName"
            name="toolName"
            list="tool-names"
            value={toolName}
            onChange={(event) => setToolName(event.target.value)}
            aria-invalid={fields.toolName ? true : undefined}
            className={inputClass}
          />
          <datalist id="tool-names">
            {tools.map((tool) => (
              <option key={tool} value={tool} />
            ))}
          </datalist>
        </Field>
        <div className="sm:col-span-2">
          <Field label="Arguments (JSON)" name="args" error={fields.args}>
            <textarea
              id="args"
              name="args"
              rows={4}
              value={args}
              onChange={(event) => setArgs(event.target.value)}
              aria-invalid={fields.args ? true : undefined}
              aria-describedby={fields.args ? "args-error" : undefined}
              spellCheck={false}
              className={`${inputClass} font-mono`}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={busy || !toolName}>
            {busy ? "Calling…" : "Call tool"}
          </Button>
        </div>
      </form>

      {answer ? (
        <section aria-label="Tool call result" className="space-y-2" data-testid="tool-call-result">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={answer.ok ? "green" : "red"}>{answer.ok ? "succeeded" : "failed"}</Badge>
            <span>{answer.latencyMs} ms</span>
            <span>
              {answer.attempts} {answer.attempts === 1 ? "attempt" : "attempts"}
            </span>
            <span>{answer.cached ? "from cache" : "not cached"}</span>
            {answer.replica ? <span className="font-mono text-xs">{answer.replica}</span> : null}
          </div>
          {answer.error ? (
            <p className="text-sm text-red-700 dark:text-red-300">
              {answer.error.code}: {answer.error.message}
            </p>
          ) : null}
          {answer.result ? (
            <pre
              // Scrollable, so it must take focus for keyboard users to scroll it (WCAG 2.1.1; axe's
              // scrollable-region-focusable).
              // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
              tabIndex={0}
              className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-800"
            >
              {JSON.stringify(answer.result, null, 2)}
            </pre>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
