import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/auth/get-actor";
import { ensureFirstAdmin } from "@/lib/users/ensure-first-admin";

// Decided per request (does any user exist yet? is the visitor signed in?), never at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; setup?: string }>;
}) {
  const { usersExist } = await ensureFirstAdmin();
  if (!usersExist) redirect("/setup");
  if (await getActor()) redirect("/");
  const params = await searchParams;
  return (
    <AuthShell title="Sign in to Orbit">
      <LoginForm
        callbackUrl={params.callbackUrl ?? "/"}
        notice={params.setup === "done" ? "Your admin account is ready. Sign in with it." : undefined}
      />
    </AuthShell>
  );
}
