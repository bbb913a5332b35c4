"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreToolOverridesAction } from "@/app/(admin)/tools/actions";
import { Button } from "@/components/ui/button";

/** Puts back the overrides of one version (as a new version). */
export function RestoreOverridesButton({ versionId }: { versionId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await restoreToolOverridesAction({ versionId });
          setBusy(false);
          if (!result.ok) setError(result.error.message);
          else router.refresh();
        }}
      >
        {busy ? "Restoring…" : "Restore these overrides"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
