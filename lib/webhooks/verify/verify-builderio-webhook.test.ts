import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const secret = "builder-shared-secret-4b1e";
const now = new Date("2026-11-21T12:00:00Z");

const publish = JSON.stringify({
  modelName: "page",
  operation: "publish",
  newValue: {
    id: "a1b2c3",
    name: "Home",
    published: "published",
    lastUpdated: 1763726400000,
    data: { title: "Home", url: "/" },
  },
  previousValue: { id: "a1b2c3", published: "draft", lastUpdated: 1763726300000 },
});

const remove = JSON.stringify({
  modelName: "page",
  operation: "delete",
  newValue: null,
  previousValue: { id: "a1b2c3", published: "published", lastUpdated: 1763726400000 },
});

async function verify(rawBody: string, headers: Record<string, string>, config = {}) {
  return verifyWebhook({
    kind: "builderio",
    secrets: [secret],
    config,
    rawBody,
    headers: new Headers(headers),
    now,
  });
}

describe("verifyWebhook (builderio)", () => {
  it("accepts the shared secret header and derives a delivery id from the content version", async () => {
    expect(await verify(publish, { "x-orbit-secret": secret })).toEqual({
      ok: true,
      deliveryId: "page:a1b2c3:publish:1763726400000",
      eventType: "publish",
      secretIndex: 0,
    });
  });

  it("refuses a wrong, shorter or missing shared secret", async () => {
    expect(await verify(publish, { "x-orbit-secret": `${secret}x` })).toMatchObject({
      reason: "bad_signature",
    });
    expect(await verify(publish, { "x-orbit-secret": "b" })).toMatchObject({ reason: "bad_signature" });
    expect(await verify(publish, {})).toMatchObject({ reason: "missing_signature" });
  });

  it("keeps a stable delivery id for a delete (newValue: null)", async () => {
    const first = await verify(remove, { "x-orbit-secret": secret });
    expect(first).toEqual({
      ok: true,
      deliveryId: "page:a1b2c3:delete:1763726400000",
      eventType: "delete",
      secretIndex: 0,
    });
    expect(await verify(remove, { "x-orbit-secret": secret })).toEqual(first);
  });

  it("reads older payloads' oldValue and hashes the body when no version is present", async () => {
    const legacy = JSON.stringify({
      modelName: "page",
      operation: "unpublish",
      newValue: null,
      oldValue: { id: "z9" },
    });
    const result = await verify(legacy, { "x-orbit-secret": secret });
    expect(result.ok && result.deliveryId).toMatch(/^page:z9:unpublish:sha256:[0-9a-f]{64}$/);
  });

  it("supports a custom header and HMAC mode", async () => {
    expect(await verify(publish, { "x-builder-token": secret }, { header: "X-Builder-Token" })).toMatchObject(
      {
        ok: true,
      },
    );
    const hmac = createHmac("sha256", secret).update(publish).digest("hex");
    expect(await verify(publish, { "x-orbit-signature": hmac }, { mode: "hmac" })).toMatchObject({
      ok: true,
    });
    // In HMAC mode the bare secret is not enough.
    expect(await verify(publish, { "x-orbit-signature": secret }, { mode: "hmac" })).toMatchObject({
      reason: "bad_signature",
    });
  });
});
