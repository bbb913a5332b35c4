"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { replayDelivery } from "@/lib/integrations/replay-delivery";

export const replayDeliveryAction = authorizedAction(
  "operator",
  z.object({ deliveryId: z.string().min(1) }),
  async ({ deliveryId }, { actor, ip }) => {
    const replay = await replayDelivery({ actor, deliveryId, ip });
    revalidatePath("/deliveries");
    revalidatePath(`/deliveries/${deliveryId}`);
    return replay;
  },
);
