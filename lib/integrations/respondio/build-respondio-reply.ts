import type { RespondioContact } from "@/lib/integrations/respondio/send-respondio-message";
import { TEST_EVENT_FLAG } from "@/lib/integrations/samples/respondio-message-received-sample";

export type RespondioReply = { contact: RespondioContact; channelId?: string; text: string };

type Json = Record<string, unknown>;

/**
 * What to send back for a tool answer, or why nothing is sent. Pure: the payload is a Respond.io message event, the
 * result is the delivery's stored tool answer. The contact is addressed by id when there is one (it is stable), else
 * by email or phone; the channel is the configured one, else the one the message came in on.
 */
export function buildRespondioReply(options: {
  payload: unknown;
  result: { content: unknown[]; isError: boolean } | null;
  channelId?: string;
}): { ok: true; reply: RespondioReply } | { ok: false; reason: string } {
  const { result } = options;
  if (!result || result.isError) return { ok: false, reason: "The tool did not answer successfully." };
  const text = result.content
    .filter((part): part is { type: "text"; text: string } => {
      const p = part as { type?: unknown; text?: unknown } | null;
      return p?.type === "text" && typeof p.text === "string";
    })
    .map((part) => part.text)
    .join("\n")
    .trim();
  if (!text) return { ok: false, reason: "The tool's answer has no text." };

  const body = asObject(options.payload);
  // A "Send test event" sample names a made-up contact; a real account must not message whoever has that id.
  if (body[TEST_EVENT_FLAG] === true) return { ok: false, reason: "Test events are not replied to." };
  const contact = toContact(asObject(body.contact), asObject(body.message));
  if (!contact) return { ok: false, reason: "The event names no contact (id, email or phone)." };
  const channelId =
    options.channelId || asId(asObject(body.channel).id) || asId(asObject(body.message).channelId);
  return { ok: true, reply: { contact, text, ...(channelId ? { channelId } : {}) } };
}

function toContact(contact: Json, message: Json): RespondioContact | null {
  const id = asId(contact.id) ?? asId(message.contactId);
  if (id && /^\d+$/.test(id)) return { type: "id", value: id };
  if (typeof contact.email === "string" && contact.email.includes("@"))
    return { type: "email", value: contact.email };
  if (typeof contact.phone === "string" && /^\+?\d{6,15}$/.test(contact.phone.replace(/[\s-]/g, ""))) {
    const digits = contact.phone.replace(/[\s-]/g, "");
    return { type: "phone", value: digits.startsWith("+") ? digits : `+${digits}` };
  }
  return null;
}

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asId(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}
