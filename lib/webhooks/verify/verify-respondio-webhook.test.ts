import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const secret = "respondio-signing-key-9f2c";
const now = new Date("2026-11-21T12:00:00Z");

// Shape from platform-webhooks.md (third-party integrations; the official reference could not be read).
const messageReceived = JSON.stringify({
  event_type: "message.received",
  event_id: "evt_01",
  contact: {
    id: 1234,
    firstName: "Ada",
    lastName: "Lovelace",
    phone: "+4915112345678",
    email: "ada@example.com",
  },
  channel: { id: 42, name: "WhatsApp Support", source: "whatsapp" },
  message: {
    messageId: 987654321,
    contactId: 1234,
    channelId: 42,
    traffic: "incoming",
    timestamp: 1763726400000,
    message: { type: "text", text: "Hallo, ist meine Bestellung unterwegs?" },
  },
});

const sign = (body: string | Buffer, key = secret) => createHmac("sha256", key).update(body).digest("base64");

async function verify(rawBody: string | Buffer, signature: string | null, config = {}) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("x-webhook-signature", signature);
  return verifyWebhook({ kind: "respondio", secrets: [secret], config, rawBody, headers, now });
}

describe("verifyWebhook (respondio)", () => {
  it("accepts a signed message.received and keys the delivery on event type and message id", async () => {
    expect(await verify(messageReceived, sign(messageReceived))).toEqual({
      ok: true,
      deliveryId: "message.received:987654321",
      eventType: "message.received",
      secretIndex: 0,
    });
  });

  it("refuses a tampered body, a wrong key, a hex signature and no signature", async () => {
    const tampered = messageReceived.replace("unterwegs", "storniert");
    expect(await verify(tampered, sign(messageReceived))).toMatchObject({ reason: "bad_signature" });
    expect(await verify(messageReceived, sign(messageReceived, "other"))).toMatchObject({
      reason: "bad_signature",
    });
    const hex = createHmac("sha256", secret).update(messageReceived).digest("hex");
    expect(await verify(messageReceived, hex)).toMatchObject({ reason: "bad_signature" });
    expect(await verify(messageReceived, null)).toMatchObject({ reason: "missing_signature" });
  });

  it("falls back to a hash of the body for events without a message id", async () => {
    const closed = JSON.stringify({ event_type: "conversation.closed", contact: { id: 1234 } });
    const first = await verify(closed, sign(closed));
    expect(first).toMatchObject({ ok: true, eventType: "conversation.closed" });
    expect(first.ok && first.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await verify(closed, sign(closed))).toEqual(first);
  });

  it("follows a configured id path and header", async () => {
    const body = JSON.stringify({ event_type: "message.sent", data: { id: "m-1" } });
    const headers = new Headers({ "x-respond-signature": sign(body) });
    const result = await verifyWebhook({
      kind: "respondio",
      secrets: [secret],
      config: { signatureHeader: "X-Respond-Signature", deliveryIdPath: "data.id" },
      rawBody: Buffer.from(body),
      headers,
      now,
    });
    expect(result).toMatchObject({ ok: true, deliveryId: "message.sent:m-1" });
  });

  it("calls a correctly signed body that is not a JSON object malformed", async () => {
    expect(await verify("[1,2]", sign("[1,2]"))).toMatchObject({ reason: "malformed" });
  });
});
