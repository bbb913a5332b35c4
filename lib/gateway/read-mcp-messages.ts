import { createSseParser } from "./parse-sse-events";

export type JsonRpcMessage = {
  jsonrpc?: string;
  id?: string | number | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
};

/** Every JSON-RPC message in an upstream answer, whether it came as JSON (one or a batch) or as an SSE stream. */
export async function readMcpMessages(response: Response): Promise<JsonRpcMessage[]> {
  const text = await response.text();
  if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const messages: JsonRpcMessage[] = [];
    const parser = createSseParser((event) => {
      const parsed = parseMessage(event.data);
      if (parsed) messages.push(parsed);
    });
    parser.feed(`${text}\n\n`);
    return messages;
  }
  const parsed: unknown = text ? JSON.parse(text) : [];
  return (Array.isArray(parsed) ? parsed : [parsed]) as JsonRpcMessage[];
}

export function parseMessage(data: string): JsonRpcMessage | null {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as JsonRpcMessage) : null;
  } catch {
    return null;
  }
}
