import type { Metadata } from "next";
import { IntegrationForm } from "@/components/integrations/integration-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { getIntegrationForPage } from "@/lib/integrations/get-integration-for-page";
import { listRouteTargets } from "@/lib/integrations/list-route-targets";

export const metadata: Metadata = { title: "Edit integration" };

export default async function EditIntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("operator");
  const [integration, targets] = await Promise.all([
    getIntegrationForPage({ actor, integrationId: (await params).id }),
    listRouteTargets({ actor }),
  ]);
  return (
    <>
      <PageHeader title={`Edit ${integration.name}`} />
      <IntegrationForm integration={integration} targets={targets} />
    </>
  );
}
