import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SetupForm } from "@/components/auth/setup-form";
import { ensureFirstAdmin } from "@/lib/users/ensure-first-admin";

// Decided per request (does any user exist yet? is the visitor signed in?), never at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  const { usersExist } = await ensureFirstAdmin();
  if (usersExist) redirect("/login");
  return (
    <AuthShell
      title="Welcome to Orbit"
      subtitle="Create the first admin account. This page closes once it exists."
    >
      <SetupForm />
    </AuthShell>
  );
}
