"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input-schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

/** Creates a key and hands it back this once; the page never has it again. */
export const createApiKeyAction = authorizedAction(
  "admin",
  createApiKeyInput,
  async (input, { actor, ip }) => {
    const created = await createApiKey({ actor, input, ip });
    revalidatePath("/keys");
    return { id: created.id, name: created.name, prefix: created.prefix, key: created.key };
  },
);

export const revokeApiKeyAction = authorizedAction(
  "admin",
  z.object({ apiKeyId: z.string().min(1) }),
  async ({ apiKeyId }, { actor, ip }) => {
    const { alreadyRevoked } = await revokeApiKey({ actor, apiKeyId, ip });
    revalidatePath("/keys");
    return { alreadyRevoked };
  },
);
