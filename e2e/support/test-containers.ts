import Docker from "dockerode";
import { parseDockerHost } from "../../lib/docker/parse-docker-host";
import { TEST_IMAGE } from "../../lib/test/import-test-image";
import { uniqueSuffix } from "./accounts";

/** Marks every container a spec starts, so teardown finds them all. */
const E2E_LABEL = "orbit-e2e";

// The engine the app's worker follows (playwright.config.ts decides it, global-setup.ts starts it).
function engine(): Docker {
  const dockerHost = process.env.E2E_DOCKER_HOST;
  if (!dockerHost) throw new Error("E2E_DOCKER_HOST is unset: run through e2e/playwright.config.ts");
  return new Docker(parseDockerHost(dockerHost));
}

/** Starts a busybox container that runs until stopped (or crashed), labelled for the healer when `heal` is set. */
export async function runTestContainer(options: { prefix: string; heal: boolean; cmd?: string[] }) {
  const name = `${options.prefix}-${uniqueSuffix()}`;
  const container = await engine().createContainer({
    name,
    Image: TEST_IMAGE,
    Cmd: options.cmd ?? ["sh", "-c", "echo ready; trap 'exit 0' TERM; while true; do sleep 0.2; done"],
    Labels: { [E2E_LABEL]: "true", ...(options.heal ? { "orbit.heal": "true" } : {}) },
    HostConfig: { NetworkMode: "none" },
    StopTimeout: 1,
  });
  await container.start();
  return { name, container };
}

/** SIGKILL to the container's process from this machine: a crash the engine did not ask for. */
export async function crashTestContainer(container: Docker.Container): Promise<void> {
  process.kill((await container.inspect()).State.Pid, "SIGKILL");
}

export async function isTestContainerRunning(container: Docker.Container): Promise<boolean> {
  return (await container.inspect()).State.Running;
}

export async function removeTestContainers(): Promise<void> {
  const docker = engine();
  const mine = await docker.listContainers({ all: true, filters: { label: [`${E2E_LABEL}=true`] } });
  await Promise.all(
    mine.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}
