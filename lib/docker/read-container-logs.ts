import type Docker from "dockerode";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { demuxDockerLogs, type LogLine } from "./demux-docker-logs";
import { getContainerOrThrow } from "./get-container-or-throw";
import { getDocker } from "./get-docker";
import { toEngineAppError } from "./to-engine-app-error";

const MAX_TAIL = 1000;

/** The last `tail` lines a container wrote (stdout and stderr, with the engine's timestamps), from the engine. */
export async function readContainerLogs(options: {
  actor: Actor;
  containerId: string;
  tail?: number;
  docker?: Docker;
}): Promise<LogLine[]> {
  assertRole(options.actor, "viewer");
  const container = await getContainerOrThrow(options.containerId);
  const handle = (options.docker ?? getDocker()).getContainer(container.id);
  try {
    const info = await handle.inspect();
    const payload = await handle.logs({
      stdout: true,
      stderr: true,
      timestamps: true,
      tail: Math.min(Math.max(1, options.tail ?? 200), MAX_TAIL),
      follow: false,
    });
    return demuxDockerLogs(
      Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload)),
      info.Config.Tty,
    );
  } catch (error) {
    throw toEngineAppError(error);
  }
}
