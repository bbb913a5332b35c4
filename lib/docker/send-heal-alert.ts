import { getPrisma } from "@/lib/db/get-prisma";
import { recordContainerEvent } from "./record-container-event";

const TIMEOUT_MS = 5_000;

/**
 * Tells ORBIT_ALERT_WEBHOOK_URL that the healer gave up on a container: one JSON POST, five seconds to answer. The
 * outcome lands in the container's history, so the page says whether anyone was notified; a failed POST is not
 * retried (the alert event itself is already on the page) and never throws.
 */
export async function sendHealAlert(options: {
  url: string | null;
  containerId: string;
  reason: string;
  why: string;
  restarts: number;
  windowMs: number;
  log?: (line: string) => void;
}): Promise<void> {
  if (!options.url) return;
  const prisma = getPrisma();
  const container = await prisma.container.findUnique({
    where: { id: options.containerId },
    select: { id: true, name: true, image: true, serverSlug: true },
  });
  if (!container) return;
  const body = {
    type: "container.heal_gave_up",
    at: new Date().toISOString(),
    container,
    reason: options.reason,
    message: `Orbit stopped restarting ${container.name}: ${options.restarts} restarts within ${Math.round(options.windowMs / 1000)} s and ${options.why}.`,
    restarts: options.restarts,
    windowSeconds: Math.round(options.windowMs / 1000),
  };
  let failure: string | null = null;
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "orbit-healer" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) failure = `answered ${response.status}`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  // The URL may carry a token in its path or query: only its origin is ever shown.
  const target = new URL(options.url).origin;
  await recordContainerEvent(prisma, {
    containerId: container.id,
    source: "healer",
    kind: failure ? "alert_failed" : "alert_sent",
    level: failure ? "warn" : "info",
    message: failure ? `Alert webhook ${target} failed: ${failure}` : `Alert sent to ${target}.`,
  });
  if (failure) {
    (options.log ?? console.log)(
      JSON.stringify({
        level: "warn",
        msg: "alert webhook failed",
        target,
        containerId: container.id,
        error: failure,
      }),
    );
  }
}
