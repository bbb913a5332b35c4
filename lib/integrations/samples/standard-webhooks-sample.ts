import type { SampleEvent } from "@/lib/integrations/samples/sample-event";

/** A Standard Webhooks event as Svix-style senders shape it: `type`, `timestamp` and a `data` object. */
export function standardWebhooksSample(options: { id: string; text: string; now: Date }): SampleEvent {
  return {
    eventType: "orbit.test",
    payload: {
      type: "orbit.test",
      timestamp: options.now.toISOString(),
      data: { id: options.id, text: options.text },
    },
  };
}
