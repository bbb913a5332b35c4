import { Badge } from "@/components/ui/card";

const stateTone: Record<string, "green" | "gray" | "red" | "amber"> = {
  running: "green",
  created: "gray",
  paused: "amber",
  restarting: "amber",
  exited: "red",
  dead: "red",
  removed: "gray",
};

/** What the engine says the container is doing. */
export function ContainerStateBadge({ state, exitCode }: { state: string; exitCode?: number | null }) {
  const tone = state === "exited" && exitCode === 0 ? "gray" : (stateTone[state] ?? "gray");
  return (
    <Badge tone={tone}>
      {state === "exited" && exitCode !== null && exitCode !== undefined ? `exited (${exitCode})` : state}
    </Badge>
  );
}

const healthTone: Record<string, "green" | "red" | "amber"> = {
  healthy: "green",
  unhealthy: "red",
  starting: "amber",
};

/** The container's own health check; "no check" when it has none or is not running. */
export function ContainerHealthBadge({ health }: { health: string | null }) {
  return health ? (
    <Badge tone={healthTone[health] ?? "gray"}>{health}</Badge>
  ) : (
    <span className="text-xs text-zinc-500">—</span>
  );
}

export const healLabel: Record<
  string,
  { tone: "green" | "gray" | "red" | "amber" | "indigo"; text: string }
> = {
  idle: { tone: "green", text: "watching" },
  scheduled: { tone: "amber", text: "restart planned" },
  exhausted: { tone: "red", text: "gave up" },
  stopped_by_operator: { tone: "gray", text: "stopped on purpose" },
};

/** Where the healer stands with the container. */
export function HealStateBadge({ enabled, healState }: { enabled: boolean; healState: string }) {
  if (!enabled && healState === "idle") return <Badge>not healed</Badge>;
  const label = healLabel[healState] ?? { tone: "gray" as const, text: healState };
  return <Badge tone={label.tone}>{label.text}</Badge>;
}
