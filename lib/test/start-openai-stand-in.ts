import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type ChatMessage = {
  role: string;
  content?: string | null | { type: string; text?: string }[];
  tool_call_id?: string;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
};

export type ChatCompletionRequest = {
  model: string;
  stream?: boolean;
  messages: ChatMessage[];
  tools?: { type: "function"; function: { name: string; description?: string; parameters?: unknown } }[];
  temperature?: number;
};

export type OpenAiStandIn = {
  /** Configure as OPENAI_BASE_URL, e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  /** Every accepted `POST /v1/chat/completions` body, in order. */
  requests: ChatCompletionRequest[];
  stop(): Promise<void>;
};

/**
 * A local stand-in for an OpenAI-compatible chat endpoint (the paid outside API tests must not call), speaking its
 * streaming wire format: `POST /v1/chat/completions` with `stream: true` → `data:` chunks of `chat.completion.chunk`
 * and `data: [DONE]`; 401 on a wrong key. The script: while the last message is not a tool result, call the offered
 * tool whose name ends in `toolSuffix` with `{message: <the user's text>}`; after a tool result, stream (in several
 * chunks, `chunkDelayMs` apart) a sentence that quotes it. Requests for the model `loopModel` never stop calling
 * tools (for step limits); for `slowModel` the text comes a second per word (for cancel and timeouts); `brokenModel` answers 500.
 */
export async function startOpenAiStandIn(options: {
  apiKey: string;
  toolSuffix?: string;
  loopModel?: string;
  slowModel?: string;
  brokenModel?: string;
  chunkDelayMs?: number;
  /** A fixed port, for a process that must know the URL before the stand-in starts (the E2E app); else any free. */
  port?: number;
}): Promise<OpenAiStandIn> {
  const requests: ChatCompletionRequest[] = [];
  const suffix = options.toolSuffix ?? "__echo";
  let calls = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const fail = (status: number, message: string) =>
      res
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message, type: "invalid_request_error" } }));
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== "/v1/chat/completions") {
      return fail(404, "Not found");
    }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.headers.authorization !== `Bearer ${options.apiKey}`)
      return fail(401, "Incorrect API key provided");
    let body: ChatCompletionRequest;
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(400, "Invalid JSON");
    }
    if (body.stream !== true || !Array.isArray(body.messages)) return fail(400, "This stand-in only streams");
    requests.push(body);
    if (body.model === options.brokenModel) return fail(500, "The model is overloaded");

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const id = `chatcmpl-${requests.length}`;
    const send = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({
          id,
          object: "chat.completion.chunk",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, delta, finish_reason: finishReason }],
        })}\n\n`,
      );
    const last = body.messages.at(-1);
    const tool = body.tools?.find((t) => t.function.name.endsWith(suffix));
    if (tool && (body.model === options.loopModel || last?.role !== "tool")) {
      const callId = `call_${++calls}`;
      const args = JSON.stringify({ message: textOf(body.messages.findLast((m) => m.role === "user")) });
      send({
        role: "assistant",
        content: null,
        tool_calls: [
          { index: 0, id: callId, type: "function", function: { name: tool.function.name, arguments: "" } },
        ],
      });
      // Arguments arrive in pieces, as real endpoints send them.
      const half = Math.ceil(args.length / 2);
      for (const piece of [args.slice(0, half), args.slice(half)]) {
        send({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
      }
      send({}, "tool_calls");
    } else {
      const words = `The tool answered: ${last?.role === "tool" ? textOf(last) : "nothing"}. Done.`.split(
        /(?<= )/,
      );
      send({ role: "assistant", content: "" });
      const delayMs = body.model === options.slowModel ? 1000 : (options.chunkDelayMs ?? 30);
      for (const word of words) {
        // A client that went away (cancelled) gets nothing more.
        if (res.destroyed) return;
        send({ content: word });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      send({}, "stop");
    }
    res.end("data: [DONE]\n\n");
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function textOf(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => part.text ?? "").join("");
}
