"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteToolAction, restoreToolAction } from "@/app/(admin)/tools/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";

/** Soft delete (confirmed) or restore of one tool. */
export function ToolLifecycleButtons({
  toolId,
  name,
  deleted,
}: {
  toolId: string;
  name: string;
  deleted: boolean;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => ReturnType<typeof deleteToolAction>) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else router.refresh();
  }

  return (
    <div className="space-y-2">
      {deleted ? (
        <Button variant="secondary" disabled={busy} onClick={() => run(() => restoreToolAction({ toolId }))}>
          {busy ? "Restoring…" : "Restore tool"}
        </Button>
      ) : (
        <Button
          variant="danger"
          disabled={busy}
          onClick={async () => {
            const ok = await confirm({
              title: "Delete tool?",
              message: `Delete ${name}? It leaves every tool list Orbit answers; its history stays and it can be restored.`,
              confirmLabel: "Delete tool",
            });
            if (!ok) return;
            run(() => deleteToolAction({ toolId }));
          }}
        >
          {busy ? "Deleting…" : "Delete tool"}
        </Button>
      )}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
