"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  deleteServerAction,
  refreshServerToolsAction,
  setServerEnabledAction,
  testServerConnectionAction,
} from "@/app/(admin)/servers/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ServerInspection } from "@/lib/mcp/inspect-server";
import { InspectionView } from "./inspection-view";

type Busy = "test" | "refresh" | "toggle" | "delete" | null;

export function ServerActions({
  serverId,
  name,
  enabled,
}: {
  serverId: string;
  name: string;
  enabled: boolean;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [inspection, setInspection] = useState<ServerInspection | null>(null);

  async function run<T>(
    kind: Busy,
    action: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>,
    onOk: (data: T) => void,
  ) {
    setBusy(kind);
    setMessage(null);
    const result = await action();
    setBusy(null);
    if (result.ok) onOk(result.data);
    else setMessage({ tone: "red", text: result.error.message });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "test",
              () => testServerConnectionAction({ serverId }),
              (data) => {
                setInspection(data);
                router.refresh();
              },
            )
          }
        >
          {busy === "test" ? "Connecting…" : "Test connection"}
        </Button>
        <Button
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "refresh",
              () => refreshServerToolsAction({ serverId }),
              (counts) => {
                setMessage({
                  tone: "green",
                  text: `Tools refreshed: ${counts.total} listed (${counts.added} new, ${counts.changed} changed, ${counts.removed} removed).`,
                });
                router.refresh();
              },
            )
          }
        >
          {busy === "refresh" ? "Refreshing…" : "Refresh tools"}
        </Button>
        <Link href={`/servers/${serverId}/edit`} className={buttonClass("secondary")}>
          Edit
        </Link>
        <Button
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "toggle",
              () => setServerEnabledAction({ serverId, enabled: !enabled }),
              () => router.refresh(),
            )
          }
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          variant="danger"
          disabled={busy !== null}
          onClick={async () => {
            const ok = await confirm({
              title: "Delete server?",
              message: `Delete ${name} and its stored tools? This cannot be undone.`,
              confirmLabel: "Delete server",
            });
            if (!ok) return;
            run(
              "delete",
              () => deleteServerAction({ serverId }),
              () => {
                router.push("/servers");
                router.refresh();
              },
            );
          }}
        >
          {busy === "delete" ? "Deleting…" : "Delete"}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {inspection ? (
        <Card title="Connection test passed">
          <InspectionView inspection={inspection} />
        </Card>
      ) : null}
    </div>
  );
}
