import { Buffer } from "node:buffer";

// Signatures cover the bytes the sender sent. A string is taken to be what `req.text()` produced (UTF-8); bytes are
// used as they are. Anything else is a caller bug and yields null so the verifier can fail instead of throwing.

export function toBodyBytes(rawBody: unknown): Buffer | null {
  if (typeof rawBody === "string") return Buffer.from(rawBody, "utf8");
  if (rawBody instanceof Uint8Array)
    return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  return null;
}
