import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const secret = `whsec_${randomBytes(24).toString("base64")}`;
const now = new Date("2026-11-21T12:00:00Z");
const body = JSON.stringify({
  type: "invoice.paid",
  timestamp: "2026-11-21T12:00:00Z",
  data: { id: "in_1" },
});

function signedHeaders(options: { at: Date; signWith?: string; id?: string; payload?: string }) {
  const id = options.id ?? "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const signature = new Webhook(options.signWith ?? secret).sign(id, options.at, options.payload ?? body);
  return new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(options.at.getTime() / 1000)),
    "webhook-signature": signature,
  });
}

const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function verify(headers: Headers, rawBody: string | Buffer = body, secrets = [secret]) {
  return verifyWebhook({ kind: "standard-webhooks", secrets, rawBody, headers, now });
}

describe("verifyWebhook (standard-webhooks)", () => {
  it("accepts a fresh signature and reads the event type from the body", async () => {
    expect(await verify(signedHeaders({ at: now }))).toEqual({
      ok: true,
      deliveryId: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
      eventType: "invoice.paid",
      secretIndex: 0,
    });
    expect(await verify(signedHeaders({ at: now }), Buffer.from(body))).toMatchObject({ ok: true });
  });

  it("accepts timestamps up to 5 minutes off in either direction", async () => {
    for (const seconds of [-299, 299, -300, 300]) {
      expect(await verify(signedHeaders({ at: secondsFromNow(seconds) })), `${seconds} s`).toMatchObject({
        ok: true,
      });
    }
  });

  it("calls a genuine signature 6 minutes old or 6 minutes ahead stale, not bad", async () => {
    for (const seconds of [-360, 360, -301, 301]) {
      expect(await verify(signedHeaders({ at: secondsFromNow(seconds) })), `${seconds} s`).toMatchObject({
        ok: false,
        reason: "stale_timestamp",
      });
    }
  });

  it("calls a forged signature bad even when its timestamp is also stale", async () => {
    const other = `whsec_${randomBytes(24).toString("base64")}`;
    expect(await verify(signedHeaders({ at: now, signWith: other }))).toMatchObject({
      reason: "bad_signature",
    });
    expect(await verify(signedHeaders({ at: secondsFromNow(-3600), signWith: other }))).toMatchObject({
      reason: "bad_signature",
    });
  });

  it("refuses a tampered body and a replayed signature under another id", async () => {
    expect(await verify(signedHeaders({ at: now }), body.replace("in_1", "in_2"))).toMatchObject({
      reason: "bad_signature",
    });
    const headers = signedHeaders({ at: now });
    headers.set("webhook-id", "msg_other");
    expect(await verify(headers)).toMatchObject({ reason: "bad_signature" });
  });

  it("accepts any matching signature among several in the header", async () => {
    const headers = signedHeaders({ at: now });
    headers.set("webhook-signature", `v1,bm90IGl0 v1a,ignored ${headers.get("webhook-signature")}`);
    expect(await verify(headers)).toMatchObject({ ok: true });
  });

  it("distinguishes a missing signature from missing or garbled id and timestamp headers", async () => {
    const missingSignature = signedHeaders({ at: now });
    missingSignature.delete("webhook-signature");
    expect(await verify(missingSignature)).toMatchObject({ reason: "missing_signature" });

    for (const [name, value] of [
      ["webhook-id", null],
      ["webhook-timestamp", null],
      ["webhook-timestamp", "1763726400abc"],
      ["webhook-timestamp", "-5"],
    ] as const) {
      const headers = signedHeaders({ at: now });
      if (value === null) headers.delete(name);
      else headers.set(name, value);
      expect(await verify(headers), `${name}=${value}`).toMatchObject({ reason: "malformed" });
    }
  });

  it("fails closed on an invalid now", async () => {
    const result = await verifyWebhook({
      kind: "standard-webhooks",
      secrets: [secret],
      rawBody: body,
      headers: signedHeaders({ at: now }),
      now: new Date(Number.NaN),
    });
    expect(result).toMatchObject({ ok: false, reason: "stale_timestamp" });
  });

  it("gives a null event type for a body that is not JSON", async () => {
    const payload = "plain text";
    const result = await verify(signedHeaders({ at: now, payload }), payload);
    expect(result).toMatchObject({ ok: true, eventType: null });
  });
});
