import { peekConfig } from "@/lib/config/peek-config";

// The largest webhook body Orbit accepts, in bytes. 1 MiB covers every Respond.io and Builder.io event and all but
// the largest GitHub pushes (GitHub allows 25 MB); ORBIT_WEBHOOK_MAX_BYTES changes the default (1 KiB–25 MiB) and
// the hot configuration (lib/config, the settings page) overrides it.

/** The cap in force: the hot configuration's (receiveWebhook reads it through getConfig, which has loaded it). */
export function getWebhookMaxBodyBytes(): number {
  return peekConfig().settings.webhooks.maxBodyBytes;
}
