import path from "node:path";
import Docker from "dockerode";
import { parseDockerHost } from "../../lib/docker/parse-docker-host";
import { importTestImage } from "../../lib/test/import-test-image";
import { startPodmanService } from "../../lib/test/start-podman-service";

/**
 * The container engine the app's worker follows during E2E. playwright.config.ts picked its socket (E2E_DOCKER_HOST)
 * before the app started; this brings it up: CI's engine (ORBIT_TEST_DOCKER_HOST) only gets the test image, otherwise
 * a Podman service of our own starts on that socket. ORBIT_TEST_CONTAINERS=off starts nothing (the containers spec is
 * then not registered). Returns what stops it.
 */
export async function startE2eEngine(): Promise<() => Promise<void>> {
  if (process.env.ORBIT_TEST_CONTAINERS === "off") return async () => {};
  const dockerHost = process.env.E2E_DOCKER_HOST;
  if (!dockerHost) throw new Error("E2E_DOCKER_HOST is unset: playwright.config.ts sets it");
  if (process.env.ORBIT_TEST_DOCKER_HOST) {
    await importTestImage(new Docker(parseDockerHost(dockerHost)));
    return async () => {};
  }
  const service = await startPodmanService({ dir: path.dirname(new URL(dockerHost).pathname) });
  return service.stop;
}
