import { AppError } from "@/lib/errors/app-error";

/** The one answer for an alias another server already has, whether the pre-check or the unique index caught it. */
export function aliasTakenError(alias: string, cause?: unknown): AppError {
  return new AppError(
    "conflict",
    `Another server already uses the alias "${alias}" for its federated names; choose another alias.`,
    { cause, details: { field: "alias" } },
  );
}
