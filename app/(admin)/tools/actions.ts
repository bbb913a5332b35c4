"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { deleteTool } from "@/lib/tools/delete-tool";
import { restoreTool } from "@/lib/tools/restore-tool";
import { restoreToolOverrides } from "@/lib/tools/restore-tool-overrides";
import { toolOverridesSchema } from "@/lib/tools/tool-overrides-schema";
import { updateToolOverrides } from "@/lib/tools/update-tool-overrides";

const toolId = z.object({ toolId: z.string().min(1) });

function revalidateTool(id: string): void {
  revalidatePath("/tools");
  revalidatePath(`/tools/${id}`);
}

export const updateToolOverridesAction = authorizedAction(
  "operator",
  toolOverridesSchema,
  async (overrides, { actor, ip }) => {
    const tool = await updateToolOverrides({ actor, overrides, ip });
    revalidateTool(tool.id);
    return { id: tool.id };
  },
);

export const deleteToolAction = authorizedAction("operator", toolId, async ({ toolId }, { actor, ip }) => {
  const tool = await deleteTool({ actor, toolId, ip });
  revalidateTool(tool.id);
  return { id: tool.id };
});

export const restoreToolAction = authorizedAction("operator", toolId, async ({ toolId }, { actor, ip }) => {
  const tool = await restoreTool({ actor, toolId, ip });
  revalidateTool(tool.id);
  return { id: tool.id };
});

export const restoreToolOverridesAction = authorizedAction(
  "operator",
  z.object({ versionId: z.string().min(1) }),
  async ({ versionId }, { actor, ip }) => {
    const tool = await restoreToolOverrides({ actor, versionId, ip });
    revalidateTool(tool.id);
    return { id: tool.id };
  },
);
