"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";

// Talks to next-auth's credentials endpoint directly so the form can tell a wrong password (401) from a throttled
// caller (429 with Retry-After) and show each plainly.
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          csrfToken,
          callbackUrl,
          json: "true",
        }),
      });
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? "60");
        setError(`Too many failed sign-ins. Try again in ${formatWait(seconds)}.`);
      } else if (!response.ok || ((await response.json()) as { url?: string }).url?.includes("error=")) {
        setError("Email or password is incorrect.");
      } else {
        window.location.assign(safeCallback(callbackUrl));
        return;
      }
    } catch {
      setError("Orbit could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice ? <Alert tone="green">{notice}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Email" name="email">
        <TextInput name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" name="password">
        <TextInput name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Only same-origin paths: a crafted callbackUrl must not turn the login page into an open redirect. */
function safeCallback(url: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
