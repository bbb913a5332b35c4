import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requirePageActor } from "@/lib/auth/require-page-actor";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor();
  return (
    <>
      <PageHeader title="Account" description={`${actor.email} · ${actor.role}`} />
      <Card title="Password">
        <ChangePasswordForm />
      </Card>
    </>
  );
}
