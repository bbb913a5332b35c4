import type Docker from "dockerode";
import type { CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import type { ContainerScope } from "./container-scope";
import type { HealPolicy } from "./heal-policy";
import type { EngineEvent } from "./parse-engine-event";

/** What the watcher's parts share while one worker follows the engine. */
export type WatcherContext = {
  docker: Docker;
  policy: HealPolicy;
  scope: ContainerScope;
  workerId: string;
  /** The circuits tool calls use: a server check after a heal closes the same circuit calls see. */
  breaker: CircuitBreaker;
  alertWebhookUrl: string | null;
  /** One JSON line per noteworthy thing (heals, alerts, engine trouble). */
  logLine: (line: string) => void;
  /** Containers the healer is restarting itself, until when (epoch ms): their kill, stop and die are its own. */
  ownRestarts: Map<string, number>;
  /** Each container's recent events, oldest first: what tells an operator's stop from a crash. */
  recent: Map<string, EngineEvent[]>;
  /** Pending decisions and post-heal checks, cancelled when the watcher stops. */
  timers: Set<NodeJS.Timeout>;
  signal: AbortSignal;
};

/** Runs `work` after `ms` unless the watcher stops first; errors go to the log, never unhandled. */
export function later(context: WatcherContext, ms: number, work: () => Promise<void>): void {
  if (context.signal.aborted) return;
  const timer = setTimeout(() => {
    context.timers.delete(timer);
    if (context.signal.aborted) return;
    work().catch((error: unknown) =>
      context.logLine(
        JSON.stringify({ level: "warn", msg: "container watcher task failed", error: String(error) }),
      ),
    );
  }, ms);
  context.timers.add(timer);
}
