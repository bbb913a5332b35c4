import type { SampleEvent } from "@/lib/integrations/samples/sample-event";

/** What the generic kind reads without any mapping: `type`, `channel`, `text`, `tags`. */
export function genericSample(options: { id: string; text: string; now: Date }): SampleEvent {
  return {
    eventType: "orbit.test",
    payload: {
      id: options.id,
      type: "orbit.test",
      channel: "test",
      text: options.text,
      tags: ["test"],
      sentAt: options.now.toISOString(),
    },
  };
}
