import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

// Secrets at rest are AES-256-GCM envelopes: "v1.<iv>.<tag>.<ciphertext>", each part base64url. The version prefix
// leaves room for key rotation; the auth tag makes any tampering (or a wrong key) fail loudly instead of decrypting
// to garbage.

const VERSION = "v1";

function keyBytes(key: string): Buffer {
  const bytes = Buffer.from(key, "base64");
  if (bytes.length !== 32) throw new AppError("internal", "Encryption key must be 32 bytes");
  return bytes;
}

export function encryptSecret(plaintext: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(envelope: string, key: string): string {
  const [version, iv, tag, body] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new AppError("internal", "Stored secret is not a valid envelope");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(key), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch (cause) {
    throw new AppError("internal", "Stored secret could not be decrypted (wrong key or tampered data)", {
      cause,
    });
  }
}
