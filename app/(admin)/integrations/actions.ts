"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createIntegration } from "@/lib/integrations/create-integration";
import { deleteIntegration } from "@/lib/integrations/delete-integration";
import { requestOrigin } from "@/lib/integrations/request-origin";
import { sendTestEvent } from "@/lib/integrations/send-test-event";
import { setIntegrationEnabled } from "@/lib/integrations/set-integration-enabled";
import { updateIntegration } from "@/lib/integrations/update-integration";

// The domain functions validate their own input with the integration schemas; here the shape is only checked
// loosely so that field-level messages (naming the route) come from one place.
const anyObject = z.record(z.string(), z.unknown());
const integrationId = z.object({ integrationId: z.string().min(1) });

export const createIntegrationAction = authorizedAction(
  "operator",
  z.object({ input: anyObject }),
  async ({ input }, { actor, ip }) => {
    const integration = await createIntegration({ actor, input: input as never, ip });
    revalidatePath("/integrations");
    return { id: integration.id };
  },
);

export const updateIntegrationAction = authorizedAction(
  "operator",
  z.object({ integrationId: z.string().min(1), input: anyObject }),
  async ({ integrationId, input }, { actor, ip }) => {
    const integration = await updateIntegration({ actor, integrationId, input: input as never, ip });
    revalidatePath("/integrations");
    revalidatePath(`/integrations/${integration.id}`);
    return { id: integration.id };
  },
);

export const setIntegrationEnabledAction = authorizedAction(
  "operator",
  z.object({ integrationId: z.string().min(1), enabled: z.boolean() }),
  async ({ integrationId, enabled }, { actor, ip }) => {
    await setIntegrationEnabled({ actor, integrationId, enabled, ip });
    revalidatePath("/integrations");
    revalidatePath(`/integrations/${integrationId}`);
    return null;
  },
);

export const deleteIntegrationAction = authorizedAction(
  "operator",
  integrationId,
  async ({ integrationId }, { actor, ip }) => {
    const deleted = await deleteIntegration({ actor, integrationId, ip });
    revalidatePath("/integrations");
    return deleted;
  },
);

export const sendTestEventAction = authorizedAction(
  "operator",
  z.object({ integrationId: z.string().min(1), text: z.string().max(2000).optional() }),
  async ({ integrationId, text }, { actor, ip }) => {
    const sent = await sendTestEvent({ actor, integrationId, text, origin: await requestOrigin(), ip });
    revalidatePath(`/integrations/${integrationId}`);
    return sent;
  },
);
