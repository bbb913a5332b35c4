import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { getIntegrationOrThrow } from "./get-integration-or-throw";
import type { IntegrationView } from "./to-integration-view";

/** For pages: an unknown id renders the 404 page instead of an error. */
export async function getIntegrationForPage(options: {
  actor: Actor;
  integrationId: string;
}): Promise<IntegrationView> {
  try {
    return await getIntegrationOrThrow(options);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
