import { createHash, timingSafeEqual } from "node:crypto";

// timingSafeEqual throws on different lengths, and checking the length first leaks it. Hashing both sides gives two
// 32-byte values whatever came in, so a short or long guess costs the same and never throws.

export function safeEqualStrings(a: string, b: string): boolean {
  const left = createHash("sha256").update(a, "utf8").digest();
  const right = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(left, right);
}
