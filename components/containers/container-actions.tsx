"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { restartContainerAction, stopContainerAction } from "@/app/(admin)/containers/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";

/** An operator's restart (or start) and stop, each confirmed first: both interrupt whatever the container serves. */
export function ContainerActions({
  containerId,
  name,
  running,
}: {
  containerId: string;
  name: string;
  running: boolean;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const [busy, setBusy] = useState<"restart" | "stop" | null>(null);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);

  async function run(kind: "restart" | "stop", question: string) {
    const ok = await confirm({
      title: kind === "stop" ? "Stop container?" : running ? "Restart container?" : "Start container?",
      message: question,
      confirmLabel: kind === "stop" ? "Stop container" : running ? "Restart container" : "Start container",
      tone: kind === "stop" || running ? "danger" : "primary",
    });
    if (!ok) return;
    setBusy(kind);
    setMessage(null);
    const result =
      kind === "restart"
        ? await restartContainerAction({ containerId })
        : await stopContainerAction({ containerId });
    setBusy(null);
    if (!result.ok) {
      setMessage({ tone: "red", text: result.error.message });
      return;
    }
    setMessage({
      tone: "green",
      text:
        kind === "stop"
          ? `${name} stopped. The healer leaves it stopped until someone starts it.`
          : `${name} ${running ? "restarted" : "started"}; healing resumes.`,
    });
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "restart",
              running
                ? `Restart ${name}? It is stopped and started again; whatever it serves is interrupted.`
                : `Start ${name}? The healer looks after it again from now on.`,
            )
          }
        >
          {busy === "restart" ? "Working…" : running ? "Restart" : "Start"}
        </Button>
        {running ? (
          <Button
            variant="danger"
            disabled={busy !== null}
            onClick={() =>
              run("stop", `Stop ${name}? The healer will not restart it until someone starts it again.`)
            }
          >
            {busy === "stop" ? "Stopping…" : "Stop"}
          </Button>
        ) : null}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
