import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Whether the container-engine suites run, decided once (vitest's global setup, Playwright's config) the way the
 * Redis suites are: CI hands over its engine (ORBIT_TEST_DOCKER_HOST), so there they always run and fail loudly if
 * the engine is broken; a developer machine runs them when Podman is installed; on a machine with only Node and npm
 * they are not registered, and the run says so. ORBIT_TEST_CONTAINERS=off leaves them out anywhere.
 * The answer travels to test workers as ORBIT_TEST_CONTAINERS ("on" | "off").
 */
export function decideContainerTests(log: (line: string) => void): boolean {
  const on =
    process.env.ORBIT_TEST_CONTAINERS !== "off" &&
    (Boolean(process.env.ORBIT_TEST_DOCKER_HOST) || hasPodman());
  if (!on && process.env.ORBIT_TEST_CONTAINERS !== "off") {
    log(
      "[test] no container engine (Podman) on this machine: the container suites are not registered " +
        "(install it with `sudo bash .ci/setup-podman`; CI always runs them)",
    );
  }
  process.env.ORBIT_TEST_CONTAINERS = on ? "on" : "off";
  return on;
}

function hasPodman(): boolean {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir !== "" && existsSync(path.join(dir, "podman")));
}
