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
 * An operator restarts a container through Orbit (or starts it, when it is not running). That is also how healing
 * resumes after an operator's stop or a spent budget: the container's heal state goes back to idle, and a planned
 * restart is dropped, since this one replaces it.
 */
export async function restartContainer(options: {
  actor: Actor;
  containerId: string;
  ip?: string;
  docker?: Docker;
}): Promise<{ started: boolean }> {
  assertRole(options.actor, "operator");
  const container = await getContainerOrThrow(options.containerId);
  if (container.removedAt) throw new AppError("not_found", "The engine no longer has this container.");
  const handle = (options.docker ?? getDocker()).getContainer(container.id);
  let started: boolean;
  try {
    const running = (await handle.inspect()).State.Running;
    if (running) await handle.restart();
    else await handle.start();
    started = !running;
  } catch (error) {
    throw toEngineAppError(error);
  }
  await getPrisma().$transaction(async (tx) => {
    await tx.container.update({
      where: { id: container.id },
      data: { healState: "idle", nextHealAt: null },
    });
    await recordContainerEvent(tx, {
      containerId: container.id,
      source: "operator",
      kind: started ? "start" : "restart",
      message: `${started ? "Started" : "Restarted"} by ${actorLabel(options.actor)} through Orbit.`,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: started ? "container.start" : "container.restart",
      targetType: "container",
      targetId: container.id,
      details: { name: container.name, image: container.image },
      ip: options.ip,
    });
  });
  return { started };
}
