import { getPrisma } from "@/lib/db/get-prisma";
import { countHealAttempts } from "./count-heal-attempts";
import { healDelayMs } from "./heal-delay-ms";
import type { HealPolicy } from "./heal-policy";
import { type HealReason, healReasonText } from "./heal-reason";
import { recordContainerEvent } from "./record-container-event";
import { sendHealAlert } from "./send-heal-alert";

export type ScheduleOutcome =
  | { kind: "scheduled"; delayMs: number; attempt: number }
  | { kind: "exhausted"; restarts: number }
  | { kind: "skipped"; why: string };

/**
 * Plans a restart: after the backoff for the restarts already made in the window, or, when the budget is spent,
 * not at all: the container is marked exhausted and an alert raised (an error event, and the webhook when one is
 * configured). Runs under the container row's lock, so two callers (an event and the server-health pass) cannot plan
 * two restarts. A container already scheduled, exhausted or stopped by an operator is left as it is.
 */
export async function scheduleHeal(options: {
  containerId: string;
  reason: HealReason;
  /** Shown in the history next to the reason (an exit code, a replica's error). */
  detail?: string;
  policy: HealPolicy;
  alertWebhookUrl?: string | null;
  log?: (line: string) => void;
}): Promise<ScheduleOutcome> {
  const { containerId, reason, policy } = options;
  const why = options.detail ? `${healReasonText[reason]} (${options.detail})` : healReasonText[reason];
  const outcome = await getPrisma().$transaction(async (tx): Promise<ScheduleOutcome> => {
    const [row] = await tx.$queryRaw<{ healState: string }[]>`
      SELECT "healState"::text AS "healState" FROM "Container"
      WHERE id = ${containerId} AND "removedAt" IS NULL
      FOR UPDATE`;
    if (!row) return { kind: "skipped", why: "removed" };
    if (row.healState !== "idle") return { kind: "skipped", why: row.healState };
    const made = await countHealAttempts(tx, containerId, policy.windowMs);
    const windowText = formatWindow(policy.windowMs);
    if (made >= policy.maxRestarts) {
      await tx.container.update({
        where: { id: containerId },
        data: { healState: "exhausted", healReason: reason, nextHealAt: null },
      });
      await recordContainerEvent(tx, {
        containerId,
        source: "healer",
        kind: "heal_gave_up",
        level: "error",
        message: `Gave up: ${made} restarts within ${windowText} and ${why}. It stays as it is until someone starts it again.`,
        details: { reason, restarts: made, windowMs: policy.windowMs },
      });
      return { kind: "exhausted", restarts: made };
    }
    const delayMs = healDelayMs(made, policy);
    await tx.$executeRaw`
      UPDATE "Container"
      SET "healState" = 'scheduled', "healReason" = ${reason},
          "nextHealAt" = timezone('UTC', now()) + ${delayMs}::int * interval '1 millisecond'
      WHERE id = ${containerId}`;
    await recordContainerEvent(tx, {
      containerId,
      source: "healer",
      kind: "heal_scheduled",
      level: "warn",
      message: `Restart in ${formatDelay(delayMs)}: ${why} (restart ${made + 1} of ${policy.maxRestarts} allowed within ${windowText}).`,
      details: { reason, delayMs, attempt: made + 1, ...(options.detail ? { detail: options.detail } : {}) },
    });
    return { kind: "scheduled", delayMs, attempt: made + 1 };
  });
  if (outcome.kind === "exhausted") {
    (options.log ?? console.log)(
      JSON.stringify({
        level: "error",
        msg: "container heal budget spent",
        containerId,
        reason,
        restarts: outcome.restarts,
      }),
    );
    await sendHealAlert({
      url: options.alertWebhookUrl ?? null,
      containerId,
      reason,
      why,
      restarts: outcome.restarts,
      windowMs: policy.windowMs,
      log: options.log,
    });
  }
  return outcome;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function formatWindow(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}
