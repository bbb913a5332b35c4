"use client";

import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(admin)/keys/actions";
import { Button } from "@/components/ui/button";

export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="danger"
        className="px-2 py-1 text-xs"
        disabled={pending}
        onClick={() => {
          if (
            !window.confirm(
              `Revoke the key ${name}? Requests with it are refused at once; this cannot be undone.`,
            )
          )
            return;
          setError(null);
          startTransition(async () => {
            const result = await revokeApiKeyAction({ apiKeyId });
            if (!result.ok) setError(result.error.message);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
