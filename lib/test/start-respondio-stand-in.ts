import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RespondioStandInMessage = {
  /** The contact identifier from the path, decoded: `id:123`, `email:a@b.c`, `phone:+49…`. */
  contact: string;
  body: { channelId?: string | number; message: { type: string; text: string } };
  messageId: number;
};

export type RespondioStandIn = {
  /** Base URL to configure as the reply base, e.g. http://127.0.0.1:41234/v2 */
  baseUrl: string;
  /** Messages accepted (2xx), in order. */
  messages: RespondioStandInMessage[];
  /** Every request to the message endpoint, accepted or not. */
  requests(): number;
  /** The next `times` sends are answered with `status` (429 carries `retry-after: retryAfter`). */
  failNext(status: number, options?: { times?: number; retryAfter?: string }): void;
  stop(): Promise<void>;
};

/**
 * A local stand-in for Respond.io's send API (the paid outside API the tests must not call), speaking its wire format:
 * `POST /v2/contact/{id:N|email:E|phone:+E164}/message` with `Authorization: Bearer <token>` and
 * `{channelId?, message:{type:"text", text}}`, answering `{messageId}`; 401 on a wrong token, 400 on a bad body.
 */
export async function startRespondioStandIn(options: { token: string }): Promise<RespondioStandIn> {
  const messages: RespondioStandInMessage[] = [];
  let requests = 0;
  let nextId = 1000;
  let failure: { status: number; times: number; retryAfter?: string } | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    const match = /^\/v2\/contact\/([^/]+)\/message$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (req.method !== "POST" || !match) return json(404, { code: 404, message: "Not found" });
    requests++;
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return json(401, { code: 401, message: "Unauthorized" });
    }
    if (failure && failure.times > 0) {
      failure.times--;
      const headers: Record<string, string> = failure.retryAfter ? { "retry-after": failure.retryAfter } : {};
      return json(failure.status, { code: failure.status, message: "Try again later" }, headers);
    }
    const contact = decodeURIComponent(match[1] ?? "");
    let body: RespondioStandInMessage["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      return json(400, { code: 400, message: "Invalid JSON" });
    }
    if (!/^(id:\d+|email:[^@]+@.+|phone:\+\d{6,15})$/.test(contact) || body?.message?.type !== "text") {
      return json(400, { code: 400, message: "Invalid contact identifier or message" });
    }
    const messageId = nextId++;
    messages.push({ contact, body, messageId });
    return json(200, { messageId });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    messages,
    requests: () => requests,
    failNext(status, failOptions = {}) {
      failure = { status, times: failOptions.times ?? 1, retryAfter: failOptions.retryAfter };
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
