export type SseEvent = { id: string | null; event: string; data: string };

/**
 * Reads Server-Sent Events from a response body until `until` says stop (or the stream ends), then cancels the
 * body: what a client whose connection drops sees. Comment lines (heartbeats) are counted, not returned.
 */
export async function readSse(
  response: Response,
  until: (events: SseEvent[]) => boolean = () => false,
): Promise<{ events: SseEvent[]; comments: number; ended: boolean }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  let comments = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { events, comments, ended: true };
    buffer += decoder.decode(value, { stream: true });
    let split = buffer.indexOf("\n\n");
    while (split >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      split = buffer.indexOf("\n\n");
      const fields = { id: null as string | null, event: "message", data: "" };
      let isEvent = false;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) comments++;
        else if (line.startsWith("id: ")) fields.id = line.slice(4);
        else if (line.startsWith("event: ")) fields.event = line.slice(7);
        else if (line.startsWith("data: ")) {
          fields.data = line.slice(6);
          isEvent = true;
        }
      }
      if (isEvent) events.push(fields);
      if (until(events)) {
        await reader.cancel();
        return { events, comments, ended: false };
      }
    }
  }
}
