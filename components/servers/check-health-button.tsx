"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkServerHealthAction } from "@/app/(admin)/servers/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

/** "Check now": checks every replica of the server at once and says what it found. */
export function CheckHealthButton({ serverId }: { serverId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green" | "amber"; text: string } | null>(null);

  async function check() {
    setBusy(true);
    setMessage(null);
    const result = await checkServerHealthAction({ serverId });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: "red", text: result.error.message });
      return;
    }
    const replicas = result.data;
    const healthy = replicas.filter((r) => r.status === "healthy").length;
    const details = replicas
      .map((r) => `${r.replica}: ${r.status} (${r.latencyMs} ms)${r.error ? ` — ${r.error}` : ""}`)
      .join("; ");
    setMessage({
      tone: healthy === replicas.length ? "green" : healthy === 0 ? "red" : "amber",
      text: `${healthy} of ${replicas.length} replicas healthy. ${details}`,
    });
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={busy} onClick={check}>
        {busy ? "Checking…" : "Check now"}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
