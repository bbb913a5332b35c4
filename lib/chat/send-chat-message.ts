import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { sendTestEvent } from "@/lib/integrations/send-test-event";
import type { ChatTurn } from "./chat-turn";
import { readChatDelivery } from "./read-chat-delivery";

/**
 * Sends `text` to an integration the way its platform would: the kind's sample event carrying the text, signed with
 * the integration's secret, posted to its public webhook URL at `origin` (sendTestEvent, the integration page's
 * "Send test event"), so verification, dedupe, routing and the tool call all run for real. Then reads back what the
 * pipeline recorded. A sync integration answers with a terminal delivery; an async one is still on its way, and the
 * page polls readChatDelivery until it is terminal.
 */
export async function sendChatMessage(options: {
  actor: Actor;
  integrationId: string;
  text: string;
  origin: string;
  ip?: string;
}): Promise<ChatTurn> {
  const sent = await sendTestEvent(options);
  const deliveryId = (sent.body as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof deliveryId !== "string") {
    const answer = (sent.body as { error?: { message?: string } } | null)?.error?.message;
    throw new AppError(
      "upstream_error",
      `The webhook endpoint answered ${sent.status}${answer ? `: ${answer}` : ""}, without a delivery.`,
    );
  }
  const turn = await readChatDelivery({ actor: options.actor, deliveryId });
  return { ...turn, httpStatus: sent.status };
}
