import type { EngineEvent } from "./parse-engine-event";

// Signals an operator stops a container with. A `kill -s HUP` (reload) or USR1 is not a stop.
const STOPPING_SIGNALS = new Set([
  "SIGTERM",
  "TERM",
  "15",
  "SIGKILL",
  "KILL",
  "9",
  "SIGINT",
  "INT",
  "2",
  "SIGQUIT",
  "QUIT",
  "3",
]);

/**
 * Whether a container's `die` was asked for (an operator's stop or kill) rather than a failure, from the container's
 * events around it, oldest first. What the engines emit (checked against Docker's documentation and Podman 4.3):
 *
 * - Docker `stop`: `kill` (signal 15, then 9 after the timeout) → `die` → `stop`. Docker `kill`: `kill` → `die`.
 * - Podman `kill`: `kill` → `die` → `cleanup`. Podman 4 `stop` sends no `kill` and usually no `stop` event: only
 *   `die` followed by two `cleanup`s (the stopping process cleans up, then conmon's exit command does it again),
 *   where a process that exits or is killed by anything else is followed by one.
 * - A crash, an OOM kill or `kill -9` from the host: `die` alone (after `oom` for the OOM killer), one `cleanup`.
 *
 * So: a stopping `kill` or a `stop` since the container last started, or after the die a `stop` or a second
 * `cleanup` before it starts again.
 */
export function wasStoppedOnPurpose(history: readonly EngineEvent[], die: EngineEvent): boolean {
  const index = history.indexOf(die);
  if (index < 0) return false;
  for (const event of history.slice(0, index).reverse()) {
    if (event.kind === "start" || event.kind === "die") break;
    if (event.kind === "stop") return true;
    if (
      event.kind === "kill" &&
      (event.signal === null || STOPPING_SIGNALS.has(event.signal.toUpperCase()))
    ) {
      return true;
    }
  }
  let cleanups = 0;
  for (const event of history.slice(index + 1)) {
    if (event.kind === "start" || event.kind === "die") break;
    if (event.kind === "stop") return true;
    if (event.kind === "cleanup" && ++cleanups >= 2) return true;
  }
  return false;
}
