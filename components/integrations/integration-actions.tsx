"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteIntegrationAction, setIntegrationEnabledAction } from "@/app/(admin)/integrations/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";

export function IntegrationActions({
  integrationId,
  name,
  enabled,
}: {
  integrationId: string;
  name: string;
  enabled: boolean;
}) {
  const router = useRouter();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>, onOk: () => void) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) onOk();
    else setError(result.error?.message ?? "Something went wrong.");
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Link href={`/integrations/${integrationId}/edit`} className={buttonClass("secondary")}>
          Edit
        </Link>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() =>
            run(
              () => setIntegrationEnabledAction({ integrationId, enabled: !enabled }),
              () => router.refresh(),
            )
          }
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={async () => {
            const ok = await confirm({
              title: "Delete integration?",
              message: `Delete ${name} with its routes and deliveries? This cannot be undone.`,
              confirmLabel: "Delete integration",
            });
            if (!ok) return;
            run(
              () => deleteIntegrationAction({ integrationId }),
              () => {
                router.push("/integrations");
                router.refresh();
              },
            );
          }}
        >
          Delete
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
