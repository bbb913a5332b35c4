"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { deletePlaybook } from "@/lib/jobs/delete-playbook";
import { playbookInput } from "@/lib/jobs/playbook-steps-schema";
import { savePlaybook } from "@/lib/jobs/save-playbook";

export const savePlaybookAction = authorizedAction(
  "operator",
  z.object({ id: z.string().min(1).max(64).optional(), playbook: playbookInput }),
  async ({ id, playbook }, { actor }) => {
    const saved = await savePlaybook({ actor, id, input: playbook });
    revalidatePath("/playbooks");
    return { id: saved.id, slug: saved.slug };
  },
);

export const deletePlaybookAction = authorizedAction(
  "operator",
  z.object({ id: z.string().min(1).max(64) }),
  async ({ id }, { actor }) => {
    await deletePlaybook({ actor, id });
    revalidatePath("/playbooks");
    return null;
  },
);
