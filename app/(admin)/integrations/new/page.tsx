import type { Metadata } from "next";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listRouteTargets } from "@/lib/integrations/list-route-targets";

export const metadata: Metadata = { title: "Add integration" };

export default async function NewIntegrationPage() {
  const actor = await requirePageActor("operator");
  const targets = await listRouteTargets({ actor });
  return (
    <>
      <PageHeader
        title="Add an integration"
        description="Orbit gives it a webhook URL, verifies every delivery, and routes it to a tool."
      />
      <IntegrationForm targets={targets} />
    </>
  );
}
