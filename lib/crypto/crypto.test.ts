import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./encrypt-secret";
import { apiKeyMatches, generateApiKey, hashApiKey } from "./hash-api-key";
import { hashPassword, verifyPassword } from "./hash-password";

const key = randomBytes(32).toString("base64");

describe("encryptSecret / decryptSecret", () => {
  it("round-trips unicode text and never repeats a ciphertext", () => {
    const secret = "Bearer sk-tëst-🔑";
    const a = encryptSecret(secret, key);
    const b = encryptSecret(secret, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-t");
    expect(decryptSecret(a, key)).toBe(secret);
    expect(decryptSecret(b, key)).toBe(secret);
  });

  it("detects tampering with the ciphertext, the tag or the iv", () => {
    const envelope = encryptSecret("top secret", key);
    const parts = envelope.split(".");
    for (const index of [1, 2, 3]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index]!, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      tampered[index] = bytes.toString("base64url");
      expect(() => decryptSecret(tampered.join("."), key)).toThrow(/tampered/);
    }
  });

  it("refuses a different key and a malformed envelope", () => {
    const envelope = encryptSecret("top secret", key);
    expect(() => decryptSecret(envelope, randomBytes(32).toString("base64"))).toThrow(
      /wrong key or tampered/,
    );
    expect(() => decryptSecret("not-an-envelope", key)).toThrow(/not a valid envelope/);
  });
});

describe("API key hashing", () => {
  it("creates orbit_ keys whose hash matches only themselves", () => {
    const { key: apiKey, prefix, hash } = generateApiKey();
    expect(apiKey).toMatch(/^orbit_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(14);
    expect(hash).toBe(hashApiKey(apiKey));
    expect(hash).not.toContain(apiKey.slice(6));
    expect(apiKeyMatches(apiKey, hash)).toBe(true);
    expect(apiKeyMatches(`${apiKey}x`, hash)).toBe(false);
    expect(apiKeyMatches(generateApiKey().key, hash)).toBe(false);
  });
});

describe("password hashing", () => {
  it("uses argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("garbage", "anything")).toBe(false);
  });
});
