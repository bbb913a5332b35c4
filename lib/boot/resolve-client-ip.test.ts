import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./resolve-client-ip.mjs";

describe("resolveClientIp", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: a client cannot pick its own address", () => {
    expect(
      resolveClientIp({ forwardedFor: "6.6.6.6", socketAddress: "::ffff:10.0.0.5", trustedProxies: 0 }),
    ).toBe("10.0.0.5");
  });

  it("takes the entry appended by the outermost trusted proxy", () => {
    const forwardedFor = "6.6.6.6, 203.0.113.9, 10.0.0.2";
    expect(resolveClientIp({ forwardedFor, socketAddress: "10.0.0.3", trustedProxies: 1 })).toBe("10.0.0.2");
    expect(resolveClientIp({ forwardedFor, socketAddress: "10.0.0.3", trustedProxies: 2 })).toBe(
      "203.0.113.9",
    );
  });

  it("falls back to the socket when the header is shorter than the proxy chain", () => {
    expect(resolveClientIp({ forwardedFor: undefined, socketAddress: "127.0.0.1", trustedProxies: 1 })).toBe(
      "127.0.0.1",
    );
    expect(resolveClientIp({ forwardedFor: ["a", "b"], socketAddress: "127.0.0.1", trustedProxies: 3 })).toBe(
      "127.0.0.1",
    );
  });
});
