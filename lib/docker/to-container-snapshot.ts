import type { ContainerInspectInfo } from "dockerode";
import type { HealPolicy } from "./heal-policy";
import { SERVER_LABEL } from "./heal-policy";
import { isHealEnabled } from "./is-heal-enabled";

/** What Orbit keeps of a container (the Container row's engine-side fields). */
export type ContainerSnapshot = {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  state: string;
  health: string | null;
  exitCode: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  healEnabled: boolean;
  serverSlug: string | null;
  /** Set when the container has a health check (its interval, Docker's default 30 s when unset). */
  healthcheckIntervalMs: number | null;
};

const DEFAULT_HEALTHCHECK_INTERVAL_MS = 30_000;

/** An engine's inspect answer → the snapshot stored for the container. */
export function toContainerSnapshot(
  info: ContainerInspectInfo,
  policy: Pick<HealPolicy, "label" | "all">,
): ContainerSnapshot {
  const labels = info.Config?.Labels ?? {};
  const test = info.Config?.Healthcheck?.Test;
  const hasHealthcheck = Array.isArray(test) && test.length > 0 && test[0] !== "NONE";
  const intervalNs = info.Config?.Healthcheck?.Interval;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config?.Image ?? info.Image,
    labels,
    state: info.State.Status,
    // Only a running container has a health; Podman reports "" for a container without a health check.
    health: info.State.Running ? info.State.Health?.Status || null : null,
    exitCode: info.State.Status === "running" || info.State.Status === "created" ? null : info.State.ExitCode,
    startedAt: toDate(info.State.StartedAt),
    finishedAt: toDate(info.State.FinishedAt),
    healEnabled: isHealEnabled(labels, policy),
    serverSlug: labels[SERVER_LABEL]?.trim() || null,
    healthcheckIntervalMs: hasHealthcheck
      ? intervalNs
        ? Math.max(1, Math.round(intervalNs / 1_000_000))
        : DEFAULT_HEALTHCHECK_INTERVAL_MS
      : null,
  };
}

// Engines write "0001-01-01T00:00:00Z" for "never".
function toDate(value: string | undefined): Date | null {
  if (!value || value.startsWith("0001-")) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
