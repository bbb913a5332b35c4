import type { LiveLog } from "./create-live-log";
import { isLiveEventId, type LiveEvent } from "./live-event";

const PAGE = 200;
const BACKLOG = 100;
const POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

/**
 * The live log as Server-Sent Events. With a valid Last-Event-ID it first sends everything after that id (the
 * browser's EventSource sends it on its own when it reconnects), so a dropped connection loses nothing the buffer
 * still holds; without one it opens with the newest events. Then it reads on from the last id it sent: at once when
 * this process appends, and every second for what other instances append. A comment line every 15 s keeps idle
 * proxies from closing the connection.
 */
export function openLiveStream(options: {
  liveLog: LiveLog;
  lastEventId: string | null;
  signal: AbortSignal;
  pollMs?: number;
}): ReadableStream<Uint8Array> {
  const { liveLog, signal } = options;
  const encoder = new TextEncoder();
  const pollMs = options.pollMs ?? POLL_MS;
  const stop = new AbortController();
  signal.addEventListener("abort", () => stop.abort());
  return new ReadableStream<Uint8Array>({
    cancel() {
      stop.abort();
    },
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop.abort();
        }
      };
      let cursor = isLiveEventId(options.lastEventId) ? options.lastEventId : null;
      let quietSince = Date.now();
      send("retry: 2000\n\n");
      liveLog.markWatched();
      try {
        if (cursor === null) {
          const backlog = await liveLog.readLatest(BACKLOG);
          for (const event of backlog) send(format(event));
          cursor = backlog.at(-1)?.id ?? "0-0";
          // Says "caught up" so the page can tell an empty log from one still loading.
          send("event: ready\ndata: {}\n\n");
        }
        while (!stop.signal.aborted) {
          liveLog.markWatched();
          const events = await liveLog.readAfter(cursor, PAGE);
          for (const event of events) send(format(event));
          if (events.length > 0) {
            cursor = events.at(-1)!.id;
            quietSince = Date.now();
          } else if (Date.now() - quietSince > HEARTBEAT_MS) {
            send(": keep-alive\n\n");
            quietSince = Date.now();
          }
          if (events.length < PAGE) await liveLog.waitForAppend(pollMs, stop.signal);
        }
      } catch {
        // Redis went away mid-stream: end it; EventSource reconnects with the last id it saw.
      }
      try {
        controller.close();
      } catch {
        // Already cancelled by the client.
      }
    },
  });
}

function format(event: LiveEvent): string {
  return `id: ${event.id}\nevent: live\ndata: ${JSON.stringify(event)}\n\n`;
}
