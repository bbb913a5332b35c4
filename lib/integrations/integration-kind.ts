import type { IntegrationKind } from "@/lib/db/generated/client";
import type { IntegrationKindName } from "./integration-input-schema";

// The database enum cannot hold a dash, so Prisma names it standard_webhooks; everything outside the data layer uses
// the platform's own spelling.

export function toStoredKind(kind: IntegrationKindName): IntegrationKind {
  return kind === "standard-webhooks" ? "standard_webhooks" : kind;
}

export function fromStoredKind(kind: IntegrationKind): IntegrationKindName {
  return kind === "standard_webhooks" ? "standard-webhooks" : kind;
}
