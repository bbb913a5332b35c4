import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { type IntegrationView, integrationViewInclude, toIntegrationView } from "./to-integration-view";

export async function getIntegrationOrThrow(options: {
  actor: Actor;
  integrationId: string;
}): Promise<IntegrationView> {
  assertRole(options.actor, "viewer");
  const integration = await getPrisma().integration.findUnique({
    where: { id: options.integrationId },
    include: integrationViewInclude,
  });
  if (!integration) throw new AppError("not_found", "No such integration.");
  return toIntegrationView(integration);
}
