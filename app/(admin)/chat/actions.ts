"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { callChatTool } from "@/lib/chat/call-chat-tool";
import { readChatDelivery } from "@/lib/chat/read-chat-delivery";
import { sendChatMessage } from "@/lib/chat/send-chat-message";
import { requestOrigin } from "@/lib/integrations/request-origin";

export const sendChatMessageAction = authorizedAction(
  "operator",
  z.object({ integrationId: z.string().min(1), text: z.string().trim().min(1, "Type a message.").max(2000) }),
  async ({ integrationId, text }, { actor, ip }) =>
    sendChatMessage({ actor, integrationId, text, origin: await requestOrigin(), ip }),
);

export const readChatDeliveryAction = authorizedAction(
  "operator",
  z.object({ deliveryId: z.string().min(1) }),
  async ({ deliveryId }, { actor }) => readChatDelivery({ actor, deliveryId }),
);

export const callChatToolAction = authorizedAction(
  "operator",
  z.object({
    serverId: z.string().min(1),
    toolName: z.string().min(1).max(200),
    args: z.record(z.string(), z.unknown()),
  }),
  async ({ serverId, toolName, args }, { actor }) =>
    callChatTool({ actor, serverId, toolName, args, requestId: randomUUID() }),
);
