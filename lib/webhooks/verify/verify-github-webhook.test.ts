import examples from "@octokit/webhooks-examples";
import { sign } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/verify/verify-webhook";

const SECRET = "It's a Secret to Everybody";
const now = new Date("2026-11-21T12:00:00Z");

function githubHeaders(
  signature: string | null,
  event = "push",
  delivery: string | null = "72d3162e-cc78-11e3-81ab-4c9367dc0958",
) {
  const headers = new Headers({ "content-type": "application/json", "x-github-event": event });
  if (signature !== null) headers.set("x-hub-signature-256", signature);
  if (delivery !== null) headers.set("x-github-delivery", delivery);
  return headers;
}

function example(name: string): string {
  const definition = examples.find((entry) => entry.name === name);
  if (!definition?.examples[0]) throw new Error(`no ${name} example in @octokit/webhooks-examples`);
  // GitHub sends pretty-printed JSON; the exact whitespace matters because the signature covers the bytes.
  return JSON.stringify(definition.examples[0], null, 2);
}

describe("verifyWebhook (github)", () => {
  it("accepts GitHub's published test vector", async () => {
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    const result = await verifyWebhook({
      kind: "github",
      secrets: [SECRET],
      rawBody: "Hello, World!",
      headers: githubHeaders(signature),
      now,
    });
    expect(result).toEqual({
      ok: true,
      deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      eventType: "push",
      secretIndex: 0,
    });
  });

  it.each(["push", "pull_request", "issues"])(
    "verifies a real %s payload as a string and as bytes",
    async (event) => {
      const body = example(event);
      const headers = githubHeaders(await sign(SECRET, body), event);
      for (const rawBody of [body, Buffer.from(body, "utf8")]) {
        const result = await verifyWebhook({ kind: "github", secrets: [SECRET], rawBody, headers, now });
        expect(result).toMatchObject({ ok: true, eventType: event, secretIndex: 0 });
      }
    },
  );

  it("refuses a body with one byte flipped", async () => {
    const body = Buffer.from(example("pull_request"), "utf8");
    const headers = githubHeaders(await sign(SECRET, body.toString("utf8")), "pull_request");
    const tampered = Buffer.from(body);
    tampered[100] = (tampered[100] ?? 0) ^ 0x01;
    const result = await verifyWebhook({
      kind: "github",
      secrets: [SECRET],
      rawBody: tampered,
      headers,
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature made with another secret", async () => {
    const body = example("issues");
    const headers = githubHeaders(await sign("not the secret", body), "issues");
    const result = await verifyWebhook({ kind: "github", secrets: [SECRET], rawBody: body, headers, now });
    expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses a request without X-Hub-Signature-256, even with the legacy SHA-1 header", async () => {
    const headers = githubHeaders(null);
    headers.set("x-hub-signature", "sha1=0000000000000000000000000000000000000000");
    const result = await verifyWebhook({
      kind: "github",
      secrets: [SECRET],
      rawBody: example("push"),
      headers,
      now,
    });
    expect(result).toMatchObject({ ok: false, reason: "missing_signature" });
  });

  it("calls a correctly signed request without X-GitHub-Delivery malformed", async () => {
    const body = example("push");
    const headers = githubHeaders(await sign(SECRET, body), "push", null);
    const result = await verifyWebhook({ kind: "github", secrets: [SECRET], rawBody: body, headers, now });
    expect(result).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("returns bad_signature, not an exception, for a shorter or garbage signature", async () => {
    for (const signature of ["sha256=757107", "sha256=", "x", "sha256=zz".padEnd(200, "z")]) {
      const result = await verifyWebhook({
        kind: "github",
        secrets: [SECRET],
        rawBody: "Hello, World!",
        headers: githubHeaders(signature),
        now,
      });
      expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
    }
  });

  it("refuses an empty body and a body that is not UTF-8 without throwing", async () => {
    const headers = githubHeaders("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    for (const rawBody of ["", Buffer.from([0x7b, 0xff, 0x7d])]) {
      const result = await verifyWebhook({ kind: "github", secrets: [SECRET], rawBody, headers, now });
      expect(result).toMatchObject({ ok: false, reason: "malformed" });
    }
  });
});
