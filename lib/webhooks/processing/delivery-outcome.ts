import type { DeliveryStatus } from "@/lib/db/generated/enums";

/** A tool's answer as a delivery keeps it: what a sync caller and the deliveries page show. */
export type StoredToolResult = {
  content: unknown[];
  structuredContent?: unknown;
  isError: boolean;
  /** Set when the answer was too large to keep whole. */
  truncated?: boolean;
  /** Respond.io integrations with reply settings: what became of sending the answer to the contact. */
  reply?: ReplyOutcome;
};

/** A reply's fate. It never changes the delivery's status: the tool ran, and it is not run again for a reply. */
export type ReplyOutcome =
  | { status: "sent"; messageId: string; attempts: number }
  | { status: "failed"; error: string; attempts: number }
  | { status: "skipped"; reason: string };

/** What one processing attempt decided, as written to the delivery row. */
export type DeliveryOutcome = {
  deliveryId: string;
  status: DeliveryStatus;
  attempts: number;
  routeId: string | null;
  routeName: string | null;
  serverSlug: string | null;
  tool: string | null;
  result: StoredToolResult | null;
  errorCode: string | null;
  errorMessage: string | null;
  nextAttemptAt: Date | null;
};
