import { z } from "zod";
import { roles } from "@/lib/auth/roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));

// Length over composition rules (NIST 800-63B); the upper bound keeps argon2 input sane.
export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const roleSchema = z.enum(roles);

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).optional(),
  password: passwordSchema,
  role: roleSchema,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserRoleInput = z.object({ userId: z.string().min(1), role: roleSchema });
export const setUserDisabledInput = z.object({ userId: z.string().min(1), disabled: z.boolean() });
export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });
