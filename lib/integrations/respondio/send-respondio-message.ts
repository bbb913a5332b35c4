// Respond.io's send API (../../../../shared/notes/platform-webhooks.md):
// POST {base}/contact/{id:N|email:E|phone:+E164}/message, Bearer token, {channelId?, message:{type:"text", text}}
// → {messageId}. 429 (with retry-after) and 449 ask us to come back; 5xx and network failures may be passing.
// Everything else 4xx (a wrong token, an unknown contact) fails the same way every time, so it is permanent.

export const RESPONDIO_SEND_TIMEOUT_MS = 10_000;

export type RespondioContact = { type: "id" | "email" | "phone"; value: string };

export type RespondioSendResult =
  | { ok: true; messageId: string }
  | { ok: false; retryable: boolean; status: number | null; error: string; retryAfterMs: number | null };

export async function sendRespondioMessage(options: {
  baseUrl: string;
  token: string;
  contact: RespondioContact;
  channelId?: string | number;
  text: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<RespondioSendResult> {
  const { contact } = options;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/contact/${contact.type}:${encodeURIComponent(contact.value)}/message`;
  const channelId = toChannelId(options.channelId);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? RESPONDIO_SEND_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        ...(channelId === undefined ? {} : { channelId }),
        message: { type: "text", text: options.text },
      }),
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
      redirect: "error",
    });
  } catch (error) {
    const timedOut = (error as Error)?.name === "TimeoutError";
    return {
      ok: false,
      retryable: true,
      status: null,
      error: timedOut
        ? "Respond.io did not answer within the timeout."
        : `Respond.io unreachable: ${String(error)}`,
      retryAfterMs: null,
    };
  }

  const body = await response.text().catch(() => "");
  if (response.ok) {
    const messageId = readMessageId(body);
    return messageId === null
      ? {
          ok: false,
          retryable: false,
          status: response.status,
          error: "Respond.io answered without a messageId.",
          retryAfterMs: null,
        }
      : { ok: true, messageId };
  }
  const { status } = response;
  return {
    ok: false,
    retryable: status === 429 || status === 449 || status >= 500,
    status,
    error: `Respond.io answered ${status}: ${body.slice(0, 300)}`,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  };
}

// Numeric channel ids go out as numbers, the way Respond.io's own payloads carry them.
function toChannelId(value: string | number | undefined): string | number | undefined {
  if (value === undefined || value === "") return undefined;
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
}

function readMessageId(body: string): string | null {
  try {
    const id = (JSON.parse(body) as { messageId?: unknown })?.messageId;
    if (typeof id === "string" && id.length > 0) return id;
    return typeof id === "number" && Number.isFinite(id) ? String(id) : null;
  } catch {
    return null;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
