"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { cancelJobAction } from "@/app/(admin)/jobs/actions";
import { Button } from "@/components/ui/button";

export function CancelJobButton({ jobId }: { jobId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
      <Button
        variant="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await cancelJobAction({ jobId });
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(result.error.message);
        }}
      >
        {busy ? "Cancelling…" : "Cancel job"}
      </Button>
    </span>
  );
}
