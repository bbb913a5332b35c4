"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { replayDeliveryAction } from "@/app/(admin)/deliveries/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

/** Queues the delivery again as a new one and opens it. */
export function ReplayButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await replayDeliveryAction({ deliveryId });
          setBusy(false);
          if (result.ok) router.push(`/deliveries/${result.data.id}`);
          else setError(result.error.message);
        }}
      >
        {busy ? "Replaying…" : "Replay"}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
