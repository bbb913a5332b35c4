"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { emailSchema, roleSchema } from "@/lib/users/user-input-schema";

const inviteInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: z.string().optional(),
});

/** Creates a user with a temporary password (typed by the admin, or generated and shown once). */
export const inviteUserAction = authorizedAction("admin", inviteInput, async (input, { actor, ip }) => {
  const password = input.password || randomBytes(12).toString("base64url");
  const user = await createUser({ actor, input: { ...input, password }, temporaryPassword: true, ip });
  revalidatePath("/users");
  return { email: user.email, temporaryPassword: password };
});

export const changeUserRoleAction = authorizedAction(
  "admin",
  z.object({ userId: z.string().min(1), role: roleSchema }),
  async ({ userId, role }, { actor, ip }) => {
    await updateUser({ actor, userId, change: { role }, ip });
    revalidatePath("/users");
    return null;
  },
);

export const setUserDisabledAction = authorizedAction(
  "admin",
  z.object({ userId: z.string().min(1), disabled: z.boolean() }),
  async ({ userId, disabled }, { actor, ip }) => {
    await updateUser({ actor, userId, change: { disabled }, ip });
    revalidatePath("/users");
    return null;
  },
);
