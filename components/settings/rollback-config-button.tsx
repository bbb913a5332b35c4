"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { rollbackConfigAction } from "@/app/(admin)/settings/actions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Saves a new version equal to an old one, after asking. */
export function RollbackConfigButton({ version }: { version: number }) {
  const router = useRouter();
  const toast = useToast();
  const confirm = useConfirm();
  const [pending, setPending] = useState(false);

  async function onClick() {
    const ok = await confirm({
      title: `Restore version ${version}?`,
      message: `Restore the configuration of version ${version}? It is saved as a new version.`,
      confirmLabel: "Restore",
      tone: "primary",
    });
    if (!ok) return;
    setPending(true);
    const result = await rollbackConfigAction({ version });
    setPending(false);
    if (result.ok) {
      toast.show(`Restored version ${version} as version ${result.data.version}.`, "success");
      router.refresh();
    } else {
      toast.error(result.error.message);
    }
  }

  return (
    <Button
      variant="secondary"
      onClick={onClick}
      disabled={pending}
      aria-label={`Roll back to version ${version}`}
    >
      {pending ? "Restoring…" : "Roll back"}
    </Button>
  );
}
