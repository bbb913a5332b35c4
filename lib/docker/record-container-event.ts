import type { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/get-prisma";
import { publishLiveEvent } from "@/lib/live/publish-live-event";

export type ContainerEventInput = {
  containerId: string;
  source: "engine" | "healer" | "operator";
  /** The engine's action (`die`, `start`, `health_status`…) or the healer's and operators' (`heal_restart`…). */
  kind: string;
  /** `error` marks an alert (the healer gave up), `warn` a failure. */
  level?: "info" | "warn" | "error";
  message?: string;
  exitCode?: number | null;
  details?: Prisma.InputJsonValue;
  at?: Date;
};

/** Appends to a container's history; the container's row must exist (see saveContainer). */
export async function recordContainerEvent(db: DbTx, input: ContainerEventInput): Promise<void> {
  await db.containerEvent.create({
    data: {
      containerId: input.containerId,
      source: input.source,
      kind: input.kind,
      level: input.level ?? "info",
      message: input.message,
      exitCode: input.exitCode ?? null,
      details: input.details,
      at: input.at ?? new Date(),
    },
  });
  // After the insert, so a failed write shows nothing; inside a transaction a later rollback is rare enough to accept.
  publishLiveEvent({
    kind: "container",
    level: input.level ?? "info",
    message: `${input.containerId.slice(0, 12)} ${input.kind}${input.message ? `: ${input.message}` : ""}`,
    data: { containerId: input.containerId, source: input.source, exitCode: input.exitCode ?? null },
  });
}
