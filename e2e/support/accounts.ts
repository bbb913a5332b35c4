import { randomUUID } from "node:crypto";

/** The first admin, created through /setup by the setup project. Every run starts from an empty database. */
export const ADMIN = {
  name: "Ada Admin",
  email: "admin@orbit.test",
  password: "correct horse battery staple",
} as const;

export type Credentials = { email: string; password: string };

/** A short suffix that no other test (or earlier run against a reused database) picked. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${uniqueSuffix()}@orbit.test`;
}
