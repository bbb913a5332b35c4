import type { DeliveryStatus } from "@/lib/db/generated/enums";

/** A tool's answer as a delivery keeps it: what a sync caller and the deliveries page show. */
export type StoredToolResult = {
  content: unknown[];
  structuredContent?: unknown;
  isError: boolean;
  /** Set when the answer was too large to keep whole. */
  truncated?: boolean;
};

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
