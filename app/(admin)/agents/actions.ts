"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { agentInput } from "@/lib/agents/agent-input-schema";
import { deleteAgent } from "@/lib/agents/delete-agent";
import { saveAgent } from "@/lib/agents/save-agent";

export const saveAgentAction = authorizedAction(
  "operator",
  z.object({ id: z.string().min(1).max(64).optional(), agent: agentInput }),
  async ({ id, agent }, { actor }) => {
    const saved = await saveAgent({ actor, id, input: agent });
    revalidatePath("/agents");
    return { id: saved.id, slug: saved.slug };
  },
);

export const deleteAgentAction = authorizedAction(
  "operator",
  z.object({ id: z.string().min(1).max(64) }),
  async ({ id }, { actor }) => {
    await deleteAgent({ actor, id });
    revalidatePath("/agents");
    return null;
  },
);
