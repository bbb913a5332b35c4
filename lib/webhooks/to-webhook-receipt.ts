import type { DeliveryStatus } from "@/lib/db/generated/enums";
import type { StoredToolResult } from "@/lib/webhooks/processing/delivery-outcome";

export type WebhookReceipt = {
  /** 200 once the delivery reached a terminal state, 202 while it is still on its way. */
  status: 200 | 202;
  body: Record<string, unknown>;
  duplicate: boolean;
};

const TERMINAL = new Set<DeliveryStatus>(["succeeded", "failed", "dead", "unrouted", "rejected"]);

/**
 * What the sender is told about a delivery. A terminal delivery is a 200 whatever its outcome — a failed tool call
 * included: the platform delivered successfully, and a non-2xx would only make it send again, which Orbit would
 * treat as a duplicate anyway. The outcome is in the body (`status`, `error`, the tool's `result` with `isError`).
 */
export function toWebhookReceipt(
  delivery: {
    deliveryId: string;
    status: DeliveryStatus;
    routeId: string | null;
    routeName?: string | null;
    tool?: string | null;
    result: StoredToolResult | null;
    errorCode: string | null;
    errorMessage: string | null;
  },
  duplicate: boolean,
): WebhookReceipt {
  const { deliveryId, status } = delivery;
  if (!TERMINAL.has(status)) return { status: 202, body: { deliveryId, status }, duplicate };
  return {
    status: 200,
    duplicate,
    body: {
      deliveryId,
      status,
      route: delivery.routeId ? { id: delivery.routeId, name: delivery.routeName ?? null } : null,
      tool: delivery.tool ?? null,
      result: delivery.result,
      error: delivery.errorCode ? { code: delivery.errorCode, message: delivery.errorMessage } : null,
    },
  };
}
