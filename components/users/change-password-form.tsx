"use client";

import { useState } from "react";
import { changePasswordAction } from "@/app/(admin)/account/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green"; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("confirm")) {
      setFields({ confirm: "The passwords do not match" });
      return;
    }
    setPending(true);
    setMessage(null);
    setFields({});
    const result = await changePasswordAction({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setPending(false);
    if (result.ok) {
      formElement.reset();
      setMessage({ tone: "green", text: "Password changed." });
    } else {
      setMessage({ tone: "red", text: result.error.message });
      setFields(result.error.fields ?? {});
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field label="Current password" name="currentPassword" error={fields.currentPassword}>
        <TextInput
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={fields.currentPassword}
        />
      </Field>
      <Field
        label="New password"
        name="newPassword"
        error={fields.newPassword}
        hint="At least 12 characters."
      >
        <TextInput
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={fields.newPassword}
        />
      </Field>
      <Field label="Confirm new password" name="confirm" error={fields.confirm}>
        <TextInput name="confirm" type="password" autoComplete="new-password" error={fields.confirm} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
