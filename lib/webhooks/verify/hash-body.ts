import { createHash } from "node:crypto";

// Fallback delivery id for senders without one: identical redeliveries hash the same, so dedupe still works.

export function hashBody(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
