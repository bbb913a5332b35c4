"use client";

import { useState, useTransition } from "react";
import { changeUserRoleAction, setUserDisabledAction } from "@/app/(admin)/users/actions";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { Role } from "@/lib/auth/roles";

export function UserRowControls({
  userId,
  email,
  role,
  disabled,
}: {
  userId: string;
  email: string;
  role: Role;
  disabled: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const confirm = useConfirm();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error?.message ?? "Failed");
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role for {email}
      </label>
      <select
        id={`role-${userId}`}
        defaultValue={role}
        disabled={pending}
        onChange={(e) => run(() => changeUserRoleAction({ userId, role: e.target.value as Role }))}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="viewer">viewer</option>
        <option value="operator">operator</option>
        <option value="admin">admin</option>
      </select>
      <Button
        variant={disabled ? "secondary" : "danger"}
        disabled={pending}
        onClick={async () => {
          const ok =
            disabled ||
            (await confirm({
              title: "Disable user?",
              message: `Disable ${email}? They are signed out at once.`,
              confirmLabel: "Disable user",
            }));
          if (ok) run(() => setUserDisabledAction({ userId, disabled: !disabled }));
        }}
      >
        {disabled ? "Enable" : "Disable"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
