"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { diagnoseContainers, MAX_DIAGNOSED } from "@/lib/docker/diagnose-containers";
import { restartContainer } from "@/lib/docker/restart-container";
import { stopContainer } from "@/lib/docker/stop-container";

const containerId = z.object({ containerId: z.string().min(1).max(128) });

export const restartContainerAction = authorizedAction(
  "operator",
  containerId,
  async ({ containerId }, { actor, ip }) => {
    const result = await restartContainer({ actor, containerId, ip });
    revalidatePath("/containers");
    revalidatePath(`/containers/${containerId}`);
    return result;
  },
);

export const stopContainerAction = authorizedAction(
  "operator",
  containerId,
  async ({ containerId }, { actor, ip }) => {
    await stopContainer({ actor, containerId, ip });
    revalidatePath("/containers");
    revalidatePath(`/containers/${containerId}`);
    return null;
  },
);

// Read-only: it asks the engine about the chosen containers and changes nothing, so viewers may run it.
export const diagnoseContainersAction = authorizedAction(
  "viewer",
  z.object({
    containerIds: z.array(z.string().min(1).max(128)).min(1, "Choose a container").max(MAX_DIAGNOSED),
  }),
  async ({ containerIds }, { actor }) => diagnoseContainers({ actor, containerIds }),
);
