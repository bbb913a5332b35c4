"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { rollbackConfig } from "@/lib/config/rollback-config";
import { saveConfig } from "@/lib/config/save-config";

/** Saves the whole form as a new version; saveConfig validates the settings and names each bad field. */
export const saveConfigAction = authorizedAction(
  "admin",
  z.object({
    settings: z.record(z.string(), z.unknown()),
    message: z.string().trim().max(500, "At most 500 characters").optional(),
    baseVersion: z.number().int().min(0),
  }),
  async (input, { actor, ip }) => {
    const saved = await saveConfig({ actor, ...input, ip });
    revalidatePath("/settings");
    return saved;
  },
);

export const rollbackConfigAction = authorizedAction(
  "admin",
  z.object({ version: z.number().int().min(1) }),
  async ({ version }, { actor, ip }) => {
    const saved = await rollbackConfig({ actor, version, ip });
    revalidatePath("/settings");
    return saved;
  },
);
