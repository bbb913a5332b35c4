import { federatedMessageHandler } from "./federated-message-handler";
import type { FederatedLink } from "./federated-session-links";
import type { FederatedServer } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { createSseParser, type SseEvent } from "./parse-sse-events";
import { parseMessage } from "./read-mcp-messages";
import { requestOnLink } from "./request-on-link";

/**
 * Follows one upstream session's own stream (its GET): what the upstream says there outside any call — log
 * messages, resource updates, its requests to the client — goes through federatedMessageHandler to `emit`, in order,
 * until the stream ends or `signal` aborts. Resolves with the end of the stream once following has begun, or null at
 * once when there is nothing to follow (405: the upstream keeps no such stream; 404: it forgot the session, which
 * the session's next call re-opens).
 */
export async function followUpstreamStream(options: {
  session: FederatedMcpSession;
  server: FederatedServer;
  link: FederatedLink;
  signal: AbortSignal;
  emit: (event: SseEvent) => Promise<void>;
}): Promise<{ ended: Promise<void> } | null> {
  const { server, link, signal } = options;
  const response = await requestOnLink({ server, link, method: "GET", signal }).catch(() => null);
  if (!response?.ok || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    await response?.body?.cancel().catch(() => {});
    return null;
  }
  const handle = federatedMessageHandler(options);
  const reply = async (message: unknown) => {
    const answered = await requestOnLink({ server, link, method: "POST", message });
    await answered.body?.cancel();
  };
  let passed = Promise.resolve();
  const parser = createSseParser((event) => {
    passed = passed
      .then(async () => {
        const out = await handle(event, parseMessage(event.data), reply);
        if (out) await options.emit(out);
      })
      .catch(() => {});
  });
  const reader = response.body!.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener("abort", cancel, { once: true });
  const ended = (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // The upstream went away, or following was stopped.
    } finally {
      signal.removeEventListener("abort", cancel);
    }
    await passed;
  })();
  return { ended };
}
