import type Docker from "dockerode";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorLabel, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { getContainerOrThrow } from "./get-container-or-throw";
import { getDocker } from "./get-docker";
import { recordContainerEvent } from "./record-container-event";
import { toEngineAppError } from "./to-engine-app-error";

/**
 * An operator stops a container through Orbit. The intent is stored before the engine is asked, so the healer,
 * seeing the container die a moment later, knows it was stopped on purpose and leaves it stopped until someone
 * starts it again. If the engine refuses, the container's previous heal state comes back.
 */
export async function stopContainer(options: {
  actor: Actor;
  containerId: string;
  ip?: string;
  docker?: Docker;
}): Promise<void> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const container = await getContainerOrThrow(options.containerId);
  if (container.removedAt) throw new AppError("not_found", "The engine no longer has this container.");
  await prisma.$transaction(async (tx) => {
    await tx.container.update({
      where: { id: container.id },
      data: { healState: "stopped_by_operator", nextHealAt: null },
    });
    await recordContainerEvent(tx, {
      containerId: container.id,
      source: "operator",
      kind: "stop",
      message: `Stopped by ${actorLabel(options.actor)} through Orbit; the healer leaves it stopped.`,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "container.stop",
      targetType: "container",
      targetId: container.id,
      details: { name: container.name, image: container.image },
      ip: options.ip,
    });
  });
  try {
    await (options.docker ?? getDocker()).getContainer(container.id).stop();
  } catch (error) {
    // 304: it was not running; stopped is what was asked for.
    if ((error as { statusCode?: number }).statusCode === 304) return;
    await prisma.container.update({
      where: { id: container.id },
      data: { healState: container.healState, nextHealAt: container.nextHealAt },
    });
    throw toEngineAppError(error);
  }
}
