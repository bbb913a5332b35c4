"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendTestEventAction } from "@/app/(admin)/integrations/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";

type Answer = {
  status?: string;
  route?: { name?: string | null } | null;
  tool?: string | null;
  result?: { content?: { type?: string; text?: string }[]; isError?: boolean; reply?: { status: string } };
  error?: { code?: string; message?: string } | null;
};

/** Sends the kind's sample, signed for real, through the public endpoint, and shows what the endpoint answered. */
export function SendTestEvent({ integrationId }: { integrationId: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ status: number; body: unknown } | null>(null);

  async function send() {
    setBusy(true);
    setError(null);
    const result = await sendTestEventAction({ integrationId, text: text || undefined });
    setBusy(false);
    if (!result.ok) {
      setSent(null);
      setError(result.error.message);
      return;
    }
    setSent(result.data);
    router.refresh();
  }

  const answer = (sent?.body ?? {}) as Answer;
  const texts = answer.result?.content?.filter((part) => part.type === "text").map((part) => part.text) ?? [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <Field
            label="Message text (optional)"
            name="test-event-text"
            hint="Goes into the sample's text field."
          >
            <TextInput
              name="test-event-text"
              value={text}
              maxLength={2000}
              placeholder="Hello from Orbit's test event"
              onChange={(event) => setText(event.target.value)}
            />
          </Field>
        </div>
        <Button onClick={send} disabled={busy} data-testid="send-test-event">
          {busy ? "Sending…" : "Send test event"}
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {sent ? (
        <div className="space-y-2 text-sm" data-testid="test-event-response">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="text-zinc-500">HTTP status</dt>
            <dd className="font-mono">{sent.status}</dd>
            <dt className="text-zinc-500">Delivery</dt>
            <dd>{answer.status ?? "—"}</dd>
            <dt className="text-zinc-500">Route</dt>
            <dd>{answer.route?.name ?? "—"}</dd>
            <dt className="text-zinc-500">Tool</dt>
            <dd className="font-mono">{answer.tool ?? "—"}</dd>
            {answer.error ? (
              <>
                <dt className="text-zinc-500">Error</dt>
                <dd>
                  <span className="font-mono">{answer.error.code}</span> {answer.error.message}
                </dd>
              </>
            ) : null}
            {answer.result?.reply ? (
              <>
                <dt className="text-zinc-500">Reply</dt>
                <dd>{answer.result.reply.status}</dd>
              </>
            ) : null}
          </dl>
          {texts.length ? (
            <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
              {texts.join("\n")}
            </pre>
          ) : null}
          <details>
            <summary className="cursor-pointer text-zinc-500">Full response</summary>
            <pre className="max-h-64 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
              {JSON.stringify(sent.body, null, 2)}
            </pre>
          </details>
        </div>
      ) : null}
    </div>
  );
}
