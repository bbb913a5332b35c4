import type { Role } from "@/lib/auth/roles";

export type UserView = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

/** The shape of a user that may leave the data layer: never the password hash. */
export function toUserView(user: UserView): UserView {
  const { id, email, name, role, disabled, mustChangePassword, lastLoginAt, createdAt } = user;
  return { id, email, name, role, disabled, mustChangePassword, lastLoginAt, createdAt };
}
