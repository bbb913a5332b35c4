/** One container event from the engine's events stream, in the shape the watcher works with. */
export type EngineEvent = {
  containerId: string;
  /** The action without a value: `health_status: unhealthy` → `health_status`; Podman's `died` → `die`. */
  kind: string;
  /** From Docker's `health_status: <status>`; null when the engine does not say (Podman 4), so inspect. */
  healthStatus: string | null;
  at: Date;
  /** Nanoseconds since the epoch, as the engine wrote them: the stream's cursor. */
  timeNano: bigint;
  exitCode: number | null;
  /** The signal of a `kill` (Docker sends it; Podman 4 does not). */
  signal: string | null;
  name: string | null;
  image: string | null;
  /** The container's labels and the event's own attributes, as the engine sent them. */
  attributes: Record<string, string>;
};

type RawEvent = {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  from?: string;
  time?: number;
  timeNano?: number | string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
};

/** A line of the events stream → an EngineEvent, or null for anything that is not a container event. */
export function parseEngineEvent(raw: unknown): EngineEvent | null {
  if (!raw || typeof raw !== "object") return null;
  const event = raw as RawEvent;
  if ((event.Type ?? "container") !== "container") return null;
  const action = event.Action ?? event.status;
  const containerId = event.Actor?.ID ?? event.id;
  if (!action || !containerId) return null;
  const attributes = event.Actor?.Attributes ?? {};
  const [verb, value] = splitAction(action);
  const timeNano = toNano(event);
  return {
    containerId,
    kind: verb === "died" ? "die" : verb,
    healthStatus: verb === "health_status" ? (value ?? attributes.health_status ?? null) : null,
    at: new Date(Number(timeNano / 1_000_000n)),
    timeNano,
    exitCode:
      verb === "die" || verb === "died" ? toInt(attributes.exitCode ?? attributes.containerExitCode) : null,
    signal: attributes.signal ?? null,
    name: attributes.name ?? null,
    image: attributes.image ?? event.from ?? null,
    attributes,
  };
}

// Docker appends values to some actions: `health_status: healthy`, `exec_start: sh -c …`.
function splitAction(action: string): [string, string | undefined] {
  const at = action.indexOf(":");
  return at < 0 ? [action.trim(), undefined] : [action.slice(0, at).trim(), action.slice(at + 1).trim()];
}

function toNano(event: RawEvent): bigint {
  try {
    if (event.timeNano !== undefined) return BigInt(event.timeNano);
  } catch {
    // A float that lost its precision in JSON; the seconds below are good enough.
  }
  return BigInt(Math.round((event.time ?? Date.now() / 1000) * 1000)) * 1_000_000n;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : null;
}
