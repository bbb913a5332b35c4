import type { SampleEvent } from "@/lib/integrations/samples/sample-event";

/** A Builder.io publish: the content's new and previous value; `lastUpdated` is what dedupe keys on. */
export function builderioPublishSample(options: { id: string; text: string; now: Date }): SampleEvent {
  const contentId = options.id.replaceAll("-", "").slice(0, 16);
  const lastUpdated = options.now.getTime();
  return {
    eventType: "publish",
    payload: {
      modelName: "page",
      operation: "publish",
      newValue: {
        id: contentId,
        name: options.text,
        published: "published",
        lastUpdated,
        data: { title: options.text, url: "/orbit-test", tags: [] },
      },
      previousValue: { id: contentId, published: "draft", lastUpdated: lastUpdated - 60_000 },
    },
  };
}
