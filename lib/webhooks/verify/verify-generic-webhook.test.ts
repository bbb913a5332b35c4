import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const secret = "generic-secret-77";
const now = new Date("2026-11-21T12:00:00Z");
const body = JSON.stringify({ event: { name: "order.created" }, order: { id: 5 } });
const hmac = (encoding: "hex" | "base64", key = secret) =>
  createHmac("sha256", key).update(body).digest(encoding);

async function verify(
  headers: Record<string, string>,
  config: Record<string, unknown>,
  rawBody: string = body,
) {
  return verifyWebhook({
    kind: "generic",
    secrets: [secret],
    config,
    rawBody,
    headers: new Headers(headers),
    now,
  });
}

describe("verifyWebhook (generic)", () => {
  it("accepts an HMAC with or without sha256=, in hex (any case) or base64", async () => {
    const config = { mode: "hmac", header: "x-signature" };
    for (const signature of [
      `sha256=${hmac("hex")}`,
      hmac("hex"),
      hmac("hex").toUpperCase(),
      `sha256=${hmac("base64")}`,
      hmac("base64"),
    ]) {
      expect(await verify({ "x-signature": signature }, config), signature).toMatchObject({ ok: true });
    }
  });

  it("refuses a wrong HMAC, a truncated one and an HMAC over another body", async () => {
    const config = { mode: "hmac", header: "x-signature" };
    for (const signature of [hmac("hex", "other"), hmac("hex").slice(0, 10), `sha256=${hmac("base64")}`]) {
      expect(await verify({ "x-signature": signature }, config, `${body} `)).toMatchObject({
        reason: "bad_signature",
      });
    }
  });

  it("takes delivery id and event type from configured headers", async () => {
    const result = await verify(
      { "x-orbit-secret": secret, "x-request-id": "req-1", "x-event": "order.created" },
      { deliveryIdHeader: "x-request-id", eventTypeHeader: "x-event" },
    );
    expect(result).toEqual({ ok: true, deliveryId: "req-1", eventType: "order.created", secretIndex: 0 });
  });

  it("falls back to a body hash and a JSON path", async () => {
    const result = await verify({ "x-orbit-secret": secret }, { eventTypePath: "event.name" });
    expect(result).toMatchObject({ ok: true, eventType: "order.created" });
    expect(result.ok && result.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("calls a configured but absent delivery header malformed", async () => {
    const result = await verify({ "x-orbit-secret": secret }, { deliveryIdHeader: "x-request-id" });
    expect(result).toMatchObject({ ok: false, reason: "malformed" });
  });
});
