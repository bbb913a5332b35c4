/** One Server-Sent Event as MCP's Streamable HTTP uses them: an optional id and event name, and a data payload. */
export type SseEvent = { id?: string; event?: string; data: string; retry?: string };

/**
 * An incremental SSE parser (the WHATWG rules MCP streams need: LF or CRLF line ends, `data:` lines joined with
 * "\n", comments ignored). Feed it decoded text as it arrives; it calls `onEvent` for every complete event.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): { feed(text: string): void } {
  let buffer = "";
  let current: { id?: string; event?: string; retry?: string; data: string[] } = { data: [] };
  return {
    feed(text: string) {
      buffer += text;
      for (;;) {
        const match = /\r\n|\n|\r/.exec(buffer);
        // A lone "\r" at the end may be the first half of "\r\n": wait for more.
        if (!match || (match[0] === "\r" && match.index === buffer.length - 1)) break;
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === "") {
          if (current.data.length > 0 || current.id !== undefined) {
            onEvent({
              data: current.data.join("\n"),
              ...(current.id !== undefined ? { id: current.id } : {}),
              ...(current.event !== undefined ? { event: current.event } : {}),
              ...(current.retry !== undefined ? { retry: current.retry } : {}),
            });
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "data") current.data.push(value);
        else if (field === "id") current.id = value;
        else if (field === "event") current.event = value;
        else if (field === "retry") current.retry = value;
      }
    },
  };
}

/** The wire form of one event (the inverse of the parser, for events Orbit rewrites). */
export function formatSseEvent(event: SseEvent): string {
  let out = "";
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.retry !== undefined) out += `retry: ${event.retry}\n`;
  for (const line of event.data.split("\n")) out += `data: ${line}\n`;
  return `${out}\n`;
}
