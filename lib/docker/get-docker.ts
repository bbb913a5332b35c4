import Docker from "dockerode";
import { getEnv } from "@/lib/env";
import { parseDockerHost } from "./parse-docker-host";

// One client per process, on globalThis so Next.js dev reloads reuse it. dockerode connects per request, so a client
// made while the engine is down works as soon as it is up.
const globalForDocker = globalThis as typeof globalThis & { orbitDocker?: Docker };

/** The container engine at DOCKER_HOST. */
export function getDocker(): Docker {
  globalForDocker.orbitDocker ??= new Docker(parseDockerHost(getEnv().DOCKER_HOST));
  return globalForDocker.orbitDocker;
}
