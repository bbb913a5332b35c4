import { createHmac } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { safeEqualStrings } from "@/lib/webhooks/verify/safe-equal-strings";
import { verificationConfigSchema } from "@/lib/webhooks/verify/verification-config-schema";
import { type VerifyWebhookInput, verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const now = new Date("2026-11-21T12:00:00Z");
const body = '{"zen":"Keep it logically awesome."}';

describe("verifyWebhook (rotation and failing closed)", () => {
  it("accepts the second secret while the first is still configured and says which matched", async () => {
    const headers = new Headers({
      "x-hub-signature-256": await sign("secret-B", body),
      "x-github-delivery": "d-1",
    });
    const input = { kind: "github", rawBody: body, headers, now } as const;
    expect(await verifyWebhook({ ...input, secrets: ["secret-A", "secret-B"] })).toMatchObject({
      ok: true,
      secretIndex: 1,
    });
    expect(await verifyWebhook({ ...input, secrets: ["secret-B", "secret-A"] })).toMatchObject({
      secretIndex: 0,
    });
    expect(await verifyWebhook({ ...input, secrets: ["secret-A"] })).toMatchObject({
      reason: "bad_signature",
    });

    const hmac = createHmac("sha256", "secret-B").update(body).digest("base64");
    expect(
      await verifyWebhook({
        kind: "respondio",
        secrets: ["secret-A", "secret-B"],
        rawBody: body,
        headers: new Headers({ "x-webhook-signature": hmac }),
        now,
      }),
    ).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it.each([
    ["no secrets", []],
    ["an empty secret", [""]],
    ["secrets that are not an array", undefined],
  ])("answers missing_secret for %s, whatever the request carries", async (_, secrets) => {
    for (const kind of ["github", "standard-webhooks", "respondio", "builderio", "generic"] as const) {
      const result = await verifyWebhook({
        kind,
        secrets: secrets as string[],
        rawBody: body,
        // An empty shared-secret header would match an empty secret if one were ever tried.
        headers: new Headers({ "x-orbit-secret": "", "x-hub-signature-256": "sha256=" }),
        now,
      });
      expect(result, kind).toMatchObject({ ok: false, reason: "missing_secret" });
    }
  });

  it("answers missing_secret for an unusable config rather than throwing", async () => {
    const headers = new Headers({ "x-orbit-secret": "s" });
    const cases: VerifyWebhookInput[] = [
      { kind: "standard-webhooks", secrets: ["not-whsec"], rawBody: body, headers, now },
      { kind: "generic", secrets: ["s"], config: { header: "bad header" }, rawBody: body, headers, now },
      { kind: "github", secrets: ["a", "b", "c"], rawBody: body, headers, now },
      { kind: "nope" as "github", secrets: ["s"], rawBody: body, headers, now },
    ];
    for (const input of cases) {
      expect(await verifyWebhook(input), input.kind).toMatchObject({ ok: false, reason: "missing_secret" });
    }
  });

  it("answers malformed for a body that is neither a string nor bytes", async () => {
    const result = await verifyWebhook({
      kind: "builderio",
      secrets: ["s"],
      rawBody: { not: "a body" } as unknown as string,
      headers: new Headers({ "x-orbit-secret": "s" }),
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: "malformed" });
  });
});

describe("safeEqualStrings", () => {
  it("compares strings of any lengths without throwing", () => {
    expect(safeEqualStrings("abc", "abc")).toBe(true);
    expect(safeEqualStrings("ab", "abc")).toBe(false);
    expect(safeEqualStrings("", "abc")).toBe(false);
    expect(safeEqualStrings("a".repeat(10_000), "a")).toBe(false);
  });
});

describe("verificationConfigSchema", () => {
  it("fills per-kind defaults and lower-cases header names", () => {
    expect(verificationConfigSchema.parse({ kind: "respondio", secrets: ["k"] }).config).toEqual({
      signatureHeader: "x-webhook-signature",
      deliveryIdPath: "message.messageId",
      eventTypePath: "event_type",
    });
    expect(
      verificationConfigSchema.parse({
        kind: "builderio",
        secrets: ["k"],
        config: { header: "X-Builder-Token" },
      }).config,
    ).toEqual({ mode: "header", header: "x-builder-token" });
  });

  it("refuses zero or three secrets, unknown keys and a whsec_ secret that is not base64", () => {
    for (const input of [
      { kind: "github", secrets: [] },
      { kind: "github", secrets: ["a", "b", "c"] },
      { kind: "github", secrets: ["a"], config: { extra: true } },
      { kind: "standard-webhooks", secrets: ["whsec_!!"] },
    ]) {
      expect(verificationConfigSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
});
