import Docker from "dockerode";
import { parseDockerHost } from "@/lib/docker/parse-docker-host";
import { importTestImage } from "./import-test-image";
import { startPodmanService } from "./start-podman-service";

export type TestEngine = { dockerHost: string; docker: Docker; stop(): Promise<void> };

/**
 * The engine the container tests run against: ORBIT_TEST_DOCKER_HOST when it is set (CI starts one Podman service
 * for the whole run and exports it; a developer may point it at any Docker-API engine), otherwise a Podman service of
 * the tests' own (startPodmanService). Either way the busybox test image is in it. `stop` stops only what was started
 * here; the caller removes its own containers.
 */
export async function startTestEngine(): Promise<TestEngine> {
  const dockerHost = process.env.ORBIT_TEST_DOCKER_HOST;
  if (!dockerHost) return startPodmanService();
  const docker = new Docker(parseDockerHost(dockerHost));
  try {
    await docker.ping();
  } catch (error) {
    throw new Error(`ORBIT_TEST_DOCKER_HOST=${dockerHost} does not answer: ${String(error)}`);
  }
  await importTestImage(docker);
  return { dockerHost, docker, stop: async () => {} };
}
