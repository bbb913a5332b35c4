import type Docker from "dockerode";
import type { HealPolicy } from "./heal-policy";
import { isEngineNotFound } from "./is-engine-not-found";
import { type ContainerSnapshot, toContainerSnapshot } from "./to-container-snapshot";

/** The engine's current view of one container, or null when the engine no longer has it. */
export async function inspectContainerSnapshot(
  docker: Docker,
  containerId: string,
  policy: Pick<HealPolicy, "label" | "all">,
): Promise<ContainerSnapshot | null> {
  try {
    return toContainerSnapshot(await docker.getContainer(containerId).inspect(), policy);
  } catch (error) {
    if (isEngineNotFound(error)) return null;
    throw error;
  }
}
