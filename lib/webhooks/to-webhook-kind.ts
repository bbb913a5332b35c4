import type { IntegrationKind } from "@/lib/db/generated/enums";
import type { WebhookKind } from "@/lib/webhooks/verify/verification-config-schema";

// Prisma cannot name an enum member with a hyphen, so the database's "standard-webhooks" is standard_webhooks in
// TypeScript; verification and routing speak the public spelling.
export function toWebhookKind(kind: IntegrationKind): WebhookKind {
  return kind === "standard_webhooks" ? "standard-webhooks" : kind;
}
