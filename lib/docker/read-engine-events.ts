import { type EngineEvent, parseEngineEvent } from "./parse-engine-event";

/**
 * The engine's events stream (one JSON object per line, lines split across chunks at random) as container events.
 * Ends when the stream ends; throws when it fails (the engine went away).
 */
export async function* readEngineEvents(stream: AsyncIterable<Buffer | string>): AsyncGenerator<EngineEvent> {
  let buffer = "";
  for await (const chunk of stream) {
    buffer += typeof chunk === "string" ? chunk : chunk.toString("utf8");
    for (let at = buffer.indexOf("\n"); at >= 0; at = buffer.indexOf("\n")) {
      const line = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 1);
      if (!line) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        continue;
      }
      const event = parseEngineEvent(raw);
      if (event) yield event;
    }
  }
}
