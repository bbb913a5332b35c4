"use client";

import { useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(admin)/keys/actions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  // A toast rather than a message in the table cell, which would widen the row and shift the table.
  const toast = useToast();
  const confirm = useConfirm();

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="danger"
        className="px-2 py-1 text-xs"
        disabled={pending}
        onClick={async () => {
          const ok = await confirm({
            title: "Revoke API key?",
            message: `Revoke the key ${name}? Requests with it are refused at once; this cannot be undone.`,
            confirmLabel: "Revoke",
          });
          if (!ok) return;
          startTransition(async () => {
            const result = await revokeApiKeyAction({ apiKeyId });
            if (!result.ok) toast.error(`Could not revoke ${name}: ${result.error.message}`);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
    </div>
  );
}
