import type Docker from "dockerode";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { demuxDockerLogs, type LogLine } from "./demux-docker-logs";
import { getDocker } from "./get-docker";
import { toEngineAppError } from "./to-engine-app-error";

export const MAX_DIAGNOSED = 20;

export type ContainerDiagnosis = {
  id: string;
  name: string;
  /** Set when the engine could not be asked about this container; the rest is then what Orbit stored. */
  error: string | null;
  state: string;
  health: {
    status: string;
    failingStreak: number;
    /** The last checks' results, newest last. */
    checks: { at: string; exitCode: number; output: string }[];
  } | null;
  summary: {
    image: string;
    createdAt: string | null;
    startedAt: string | null;
    finishedAt: string | null;
    exitCode: number | null;
    oomKilled: boolean;
    engineRestarts: number;
    restartPolicy: string;
    command: string;
    networkMode: string;
    mounts: string[];
    /** Names only: values may be secrets. */
    environment: string[];
    healthcheck: string | null;
    labels: Record<string, string>;
  } | null;
  logs: LogLine[];
  orbit: { healEnabled: boolean; healState: string; restarts: number; serverSlug: string | null };
};

/**
 * What an operator needs to see at once about several containers: state, health with its last check outputs, an
 * inspect summary (never environment values) and the last log lines, side by side. Read-only, so viewers may run it.
 */
export async function diagnoseContainers(options: {
  actor: Actor;
  containerIds: string[];
  logLines?: number;
  docker?: Docker;
}): Promise<ContainerDiagnosis[]> {
  assertRole(options.actor, "viewer");
  const ids = [...new Set(options.containerIds)];
  if (ids.length === 0) throw new AppError("bad_request", "Choose at least one container.");
  if (ids.length > MAX_DIAGNOSED)
    throw new AppError("bad_request", `Choose at most ${MAX_DIAGNOSED} containers.`);
  const rows = await getPrisma().container.findMany({ where: { id: { in: ids } } });
  const docker = options.docker ?? getDocker();
  return Promise.all(
    rows.map(async (row): Promise<ContainerDiagnosis> => {
      const base: ContainerDiagnosis = {
        id: row.id,
        name: row.name,
        error: null,
        state: row.state,
        health: null,
        summary: null,
        logs: [],
        orbit: {
          healEnabled: row.healEnabled,
          healState: row.healState,
          restarts: row.restartCount,
          serverSlug: row.serverSlug,
        },
      };
      if (row.removedAt) return { ...base, error: "Removed from the engine." };
      try {
        const handle = docker.getContainer(row.id);
        const info = await handle.inspect();
        const payload = await handle.logs({
          stdout: true,
          stderr: true,
          timestamps: true,
          tail: options.logLines ?? 20,
          follow: false,
        });
        const health = info.State.Health;
        const test = info.Config.Healthcheck?.Test;
        return {
          ...base,
          state: info.State.Status,
          health: health?.Status
            ? {
                status: health.Status,
                failingStreak: health.FailingStreak,
                checks: (health.Log ?? []).slice(-3).map((check) => ({
                  at: check.Start,
                  exitCode: check.ExitCode,
                  output: check.Output.trim().slice(0, 500),
                })),
              }
            : null,
          summary: {
            image: info.Config.Image,
            createdAt: info.Created || null,
            startedAt: realDate(info.State.StartedAt),
            finishedAt: realDate(info.State.FinishedAt),
            exitCode: info.State.Running ? null : info.State.ExitCode,
            oomKilled: info.State.OOMKilled,
            engineRestarts: info.RestartCount,
            restartPolicy: info.HostConfig.RestartPolicy?.Name || "no",
            command: [info.Path, ...(info.Args ?? [])].join(" "),
            networkMode: info.HostConfig.NetworkMode ?? "",
            mounts: (info.Mounts ?? []).map(
              (m) => `${m.Source || m.Name} → ${m.Destination}${m.RW ? "" : " (ro)"}`,
            ),
            environment: (info.Config.Env ?? []).map((entry) => entry.split("=")[0] ?? entry),
            healthcheck: test && test.length > 0 && test[0] !== "NONE" ? test.slice(1).join(" ") : null,
            labels: info.Config.Labels ?? {},
          },
          logs: demuxDockerLogs(
            Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload)),
            info.Config.Tty,
          ),
        };
      } catch (error) {
        return { ...base, error: toEngineAppError(error).message };
      }
    }),
  );
}

function realDate(value: string | undefined): string | null {
  return value && !value.startsWith("0001-") ? value : null;
}
