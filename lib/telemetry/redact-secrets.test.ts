import { describe, expect, it } from "vitest";
import { formatLogBody } from "@/lib/telemetry/format-log-body";
import { redactSecrets } from "@/lib/telemetry/redact-secrets";
import { truncateBody } from "@/lib/telemetry/truncate-body";

describe("redactSecrets", () => {
  it("blanks secret-looking keys at any depth and bearer tokens in strings, without touching the input", () => {
    const input = {
      Authorization: "Bearer a",
      list: [{ password: "p", name: "n" }, "curl -H 'Authorization: Bearer xyz123'"],
      deep: { a: { b: { "X-API-Key": "k", apikey: "k2", cookie: "c", webhookSignature: "s", ok: 1 } } },
    };
    const copy = structuredClone(input);
    expect(redactSecrets(input)).toEqual({
      Authorization: "[redacted]",
      list: [{ password: "[redacted]", name: "n" }, "curl -H 'Authorization: Bearer [redacted]'"],
      deep: {
        a: {
          b: {
            "X-API-Key": "[redacted]",
            apikey: "[redacted]",
            cookie: "[redacted]",
            webhookSignature: "[redacted]",
            ok: 1,
          },
        },
      },
    });
    expect(input).toEqual(copy);
  });

  it("reads Headers and survives cycles", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    expect(
      redactSecrets({ headers: new Headers({ authorization: "Bearer q", accept: "*/*" }), cyclic }),
    ).toEqual({
      headers: { authorization: "[redacted]", accept: "*/*" },
      cyclic: { name: "x", self: "[circular]" },
    });
  });
});

describe("truncateBody", () => {
  it("leaves short text alone and cuts long text on a character boundary with a byte count", () => {
    expect(truncateBody("short")).toBe("short");
    const text = "é".repeat(3000); // 6000 bytes
    const cut = truncateBody(text);
    expect(cut).toBe(`${"é".repeat(2048)}…(truncated 1904 bytes)`);
  });
});

describe("formatLogBody", () => {
  it("parses JSON strings so their secret keys are found, and keeps other text as text", () => {
    expect(formatLogBody('{"token":"abc","n":1}')).toBe('{"token":"[redacted]","n":1}');
    expect(formatLogBody("plain text, Bearer abc")).toBe("plain text, Bearer [redacted]");
    expect(formatLogBody(null)).toBeNull();
    expect(formatLogBody(undefined)).toBeNull();
  });

  it("redacts the head of a body too large to parse before cutting it", () => {
    const huge = JSON.stringify({ secret: "s3cr3t", access_token: 123, data: "y".repeat(300_000) });
    const stored = formatLogBody(huge)!;
    expect(stored.startsWith('{"secret":"[redacted]","access_token":"[redacted]","data":"yyy')).toBe(true);
    const dropped = Number(/truncated (\d+) bytes/.exec(stored)?.[1]);
    const kept = Buffer.byteLength(stored.replace(/…\(truncated \d+ bytes\)$/, ""));
    expect(kept).toBe(4096);
    expect(dropped).toBeGreaterThan(290_000);
  });
});
