import type { Integration } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

// The webhook endpoint looks its integration up on every request; at a few hundred deliveries a second that query is
// a large share of the work. A second of staleness is harmless (a platform cannot tell), and this process's own
// changes (the UI, the CLI) forget the entry at once; another instance sees a change within TTL_MS.
const TTL_MS = 1_000;
const MAX_ENTRIES = 1_000;

type Entry = { integration: Integration | null; expiresAt: number };

// On globalThis: Next bundles route handlers and server actions separately, and both must see one cache.
const globalForCache = globalThis as unknown as { orbitWebhookIntegrations?: Map<string, Entry> };
globalForCache.orbitWebhookIntegrations ??= new Map();
const cache = globalForCache.orbitWebhookIntegrations;

/** The integration behind /api/webhooks/{slug}, or null; unknown slugs are cached too, so guessing stays cheap. */
export async function findWebhookIntegration(slug: string): Promise<Integration | null> {
  const now = Date.now();
  const hit = cache.get(slug);
  if (hit && hit.expiresAt > now) return hit.integration;

  const integration = await getPrisma().integration.findUnique({ where: { slug } });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, { integration, expiresAt: now + TTL_MS });
  return integration;
}

/** Called by every change to an integration (its slug before and after), so this process never serves a stale one. */
export function forgetWebhookIntegration(...slugs: (string | null | undefined)[]): void {
  for (const slug of slugs) if (slug) cache.delete(slug);
}
