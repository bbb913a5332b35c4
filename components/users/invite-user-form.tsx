"use client";

import { useState } from "react";
import { inviteUserAction } from "@/app/(admin)/users/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";

export function InviteUserForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setFields({});
    const result = await inviteUserAction({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? "") || undefined,
      role: String(form.get("role") ?? "viewer") as "viewer",
      password: String(form.get("password") ?? "") || undefined,
    });
    setPending(false);
    if (result.ok) {
      setCreated(result.data);
      formElement.reset();
    } else {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Invite a user">
      {error ? <Alert>{error}</Alert> : null}
      {created ? (
        <Alert tone="green">
          <p>
            Created <strong>{created.email}</strong>. Temporary password (shown once):{" "}
            <code
              className="select-all rounded bg-white/60 px-1 font-mono dark:bg-black/30"
              data-testid="temporary-password"
            >
              {created.temporaryPassword}
            </code>
          </p>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" name="email" error={fields.email}>
          <TextInput name="email" type="email" required error={fields.email} />
        </Field>
        <Field label="Name" name="name">
          <TextInput name="name" />
        </Field>
        <Field label="Role" name="role">
          <Select name="role" defaultValue="viewer">
            <option value="viewer">viewer — read only</option>
            <option value="operator">operator — manage servers and config</option>
            <option value="admin">admin — also users and keys</option>
          </Select>
        </Field>
        <Field
          label="Temporary password"
          name="password"
          error={fields.password}
          hint="Leave empty to generate one."
        >
          <TextInput name="password" type="text" autoComplete="off" error={fields.password} />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
