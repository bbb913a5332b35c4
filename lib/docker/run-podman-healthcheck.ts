import type Docker from "dockerode";

/**
 * Runs a container's health check now, through Podman's own API (the Docker API has no such call). The engine
 * records the result, updates the container's health and emits `health_status`, exactly as when its timer runs it,
 * so the watcher sees the outcome on the events stream like any other. Rejects when the container is not running.
 */
export async function runPodmanHealthcheck(
  docker: Docker,
  libpodApiVersion: string,
  containerId: string,
): Promise<string> {
  const answer = await new Promise<unknown>((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/v${libpodApiVersion}/libpod/containers/${encodeURIComponent(containerId)}/healthcheck`,
        method: "GET",
        statusCodes: {
          200: true,
          404: "no such container",
          409: "container is not running",
          500: "server error",
        },
        options: {},
      },
      (error: unknown, result: unknown) => (error ? reject(error) : resolve(result)),
    );
  });
  return (answer as { Status?: string } | null)?.Status ?? "unknown";
}
