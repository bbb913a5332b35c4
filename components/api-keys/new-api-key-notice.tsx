"use client";

import { CopyButton } from "@/components/integrations/copy-button";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

/**
 * The one time a key is ever visible. It lives only in the form's state: a reload, another tab or another admin
 * never sees it, because Orbit keeps nothing but its hash. (The prop is `secret`, not `key`: React keeps `key` for
 * itself and never passes it to a component.)
 */
export function NewApiKeyNotice({
  name,
  secret,
  onDismiss,
}: {
  name: string;
  secret: string;
  onDismiss: () => void;
}) {
  return (
    <Alert tone="amber">
      <div className="space-y-2" data-testid="new-api-key-notice">
        <p className="font-medium">
          Copy the key for {name} now. It is shown only this once: Orbit stores only its hash and cannot show
          it again. If it is lost, revoke it and create another.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            className="select-all break-all rounded bg-white/60 px-1 font-mono dark:bg-black/30"
            data-testid="new-api-key"
          >
            {secret}
          </code>
          <CopyButton value={secret} label="Copy key" />
        </div>
        <p className="text-xs">
          Send it as <code>Authorization: Bearer {secret.slice(0, 14)}…</code> (or an <code>X-API-Key</code>{" "}
          header).
        </p>
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={onDismiss}>
          I have stored it
        </Button>
      </div>
    </Alert>
  );
}
