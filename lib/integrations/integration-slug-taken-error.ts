import { AppError } from "@/lib/errors/app-error";

/** The one answer for a slug already in use, whether the pre-check or the unique index caught it. */
export function integrationSlugTakenError(slug: string, cause?: unknown): AppError {
  return new AppError(
    "conflict",
    `An integration with the slug "${slug}" already exists; choose another slug.`,
    { cause, details: { field: "slug" } },
  );
}
