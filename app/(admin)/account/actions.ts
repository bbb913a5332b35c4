"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { changePassword } from "@/lib/users/change-password";

export const changePasswordAction = authorizedAction(
  "viewer",
  z.object({ currentPassword: z.string(), newPassword: z.string() }),
  async (input, { actor, ip }) => {
    await changePassword({ actor, input, ip });
    return null;
  },
);
