import { getEnv } from "@/lib/env";

// The largest webhook body Orbit accepts, in bytes. 1 MiB covers every Respond.io and Builder.io event and all but
// the largest GitHub pushes (GitHub allows 25 MB); ORBIT_WEBHOOK_MAX_BYTES changes it (1 KiB–25 MiB).

/** The configured cap: ORBIT_WEBHOOK_MAX_BYTES, read on first use (not at import, which `next build` also does). */
export function getWebhookMaxBodyBytes(): number {
  return getEnv().ORBIT_WEBHOOK_MAX_BYTES;
}
