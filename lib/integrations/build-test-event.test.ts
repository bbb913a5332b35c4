import { describe, expect, it } from "vitest";
import { buildTestEvent } from "@/lib/integrations/build-test-event";
import type { WebhookKind } from "@/lib/webhooks/verify/verification-config-schema";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

// Each kind's test event must pass the same verifier a real delivery meets, and a changed byte must not.

const whsec = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
const cases: { kind: WebhookKind; secret: string; config?: Record<string, unknown>; eventType: string }[] = [
  { kind: "github", secret: "It's a Secret to Everybody", eventType: "issues" },
  { kind: "standard-webhooks", secret: whsec, eventType: "orbit.test" },
  { kind: "respondio", secret: "rio-key", eventType: "message.received" },
  {
    kind: "respondio",
    secret: "rio-key",
    config: { signatureHeader: "x-rio-sig" },
    eventType: "message.received",
  },
  { kind: "builderio", secret: "builder-shared", eventType: "publish" },
  { kind: "builderio", secret: "builder-hmac", config: { mode: "hmac" }, eventType: "publish" },
  { kind: "generic", secret: "generic-shared", config: { eventTypePath: "type" }, eventType: "orbit.test" },
  {
    kind: "generic",
    secret: "generic-hmac",
    config: { mode: "hmac", header: "x-sig", deliveryIdHeader: "x-id", eventTypeHeader: "x-event" },
    eventType: "orbit.test",
  },
];

describe("buildTestEvent", () => {
  it.each(cases)("signs a $kind sample so verifyWebhook accepts it ($config)", async (c) => {
    const now = new Date();
    const event = await buildTestEvent({
      kind: c.kind,
      secret: c.secret,
      verifyConfig: c.config,
      text: "hi",
      now,
    });
    const input = { kind: c.kind, secrets: [c.secret], config: c.config ?? {}, now };
    const verified = await verifyWebhook({
      ...input,
      rawBody: event.body,
      headers: new Headers(event.headers),
    } as unknown as Parameters<typeof verifyWebhook>[0]);
    expect(verified).toMatchObject({ ok: true, eventType: c.eventType, secretIndex: 0 });
    expect(event.body).toContain('"hi"');

    const tampered = await verifyWebhook({
      ...input,
      rawBody: event.body.replace('"hi"', '"ho"'),
      headers: new Headers(event.headers),
    } as unknown as Parameters<typeof verifyWebhook>[0]);
    // Shared-header mode proves only the secret, not the body: the one case a changed body still passes.
    const headerMode = (c.kind === "builderio" || c.kind === "generic") && c.config?.mode !== "hmac";
    expect(tampered.ok).toBe(headerMode);
  });

  it("gives every test event its own delivery id", async () => {
    for (const c of cases) {
      const verify = async () => {
        const event = await buildTestEvent({ kind: c.kind, secret: c.secret, verifyConfig: c.config });
        const result = await verifyWebhook({
          kind: c.kind,
          secrets: [c.secret],
          config: c.config ?? {},
          now: new Date(),
          rawBody: event.body,
          headers: new Headers(event.headers),
        } as unknown as Parameters<typeof verifyWebhook>[0]);
        return result.ok ? result.deliveryId : null;
      };
      const [a, b] = [await verify(), await verify()];
      expect(a).not.toBeNull();
      expect(a).not.toBe(b);
    }
  });
});
