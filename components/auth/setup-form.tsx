"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { completeSetupAction } from "@/app/setup/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setFields({ confirm: "The passwords do not match" });
      return;
    }
    setPending(true);
    setError(null);
    setFields({});
    const result = await completeSetupAction({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? "") || undefined,
      password,
    });
    if (result.ok) {
      router.push("/login?setup=done");
      return;
    }
    setError(result.message);
    setFields(result.fields ?? {});
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Name" name="name">
        <TextInput name="name" autoComplete="name" />
      </Field>
      <Field label="Email" name="email" error={fields.email}>
        <TextInput name="email" type="email" autoComplete="username" required error={fields.email} />
      </Field>
      <Field label="Password" name="password" error={fields.password} hint="At least 12 characters.">
        <TextInput
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={fields.password}
        />
      </Field>
      <Field label="Confirm password" name="confirm" error={fields.confirm}>
        <TextInput
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={fields.confirm}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
