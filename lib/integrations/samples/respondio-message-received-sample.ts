import type { SampleEvent } from "@/lib/integrations/samples/sample-event";

/** Marks a sample in its signed body, so Orbit never replies to the sample's made-up contact. */
export const TEST_EVENT_FLAG = "orbitTestEvent";

/** A Respond.io `message.received` with a text message (shape: platform-webhooks.md). */
export function respondioMessageReceivedSample(options: {
  id: string;
  text: string;
  now: Date;
}): SampleEvent {
  // Respond.io message ids are numbers; a fresh one keeps the delivery id (event type + message id) unique.
  const messageId = Number.parseInt(options.id.replaceAll("-", "").slice(0, 12), 16);
  return {
    eventType: "message.received",
    payload: {
      event_type: "message.received",
      [TEST_EVENT_FLAG]: true,
      contact: {
        id: 1,
        firstName: "Test",
        lastName: "Contact",
        phone: "+15555550100",
        email: "test@example.com",
      },
      channel: { id: 1, name: "Orbit test channel", source: "whatsapp" },
      message: {
        messageId,
        contactId: 1,
        channelId: 1,
        traffic: "incoming",
        timestamp: options.now.getTime(),
        message: { type: "text", text: options.text },
      },
    },
  };
}
