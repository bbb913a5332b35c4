import type { DockerOptions } from "dockerode";

/**
 * DOCKER_HOST → how dockerode reaches the engine: `unix:///run/podman/podman.sock` (a socket file) or
 * `tcp://host:2375` / `http(s)://host:port` (the Docker API over TCP, no client certificates).
 */
export function parseDockerHost(dockerHost: string): DockerOptions {
  const url = new URL(dockerHost);
  switch (url.protocol) {
    case "unix:":
      if (!url.pathname || url.pathname === "/") break;
      return { socketPath: decodeURIComponent(url.pathname) };
    case "tcp:":
    case "http:":
      return { protocol: "http", host: url.hostname, port: Number(url.port || 2375) };
    case "https:":
      return { protocol: "https", host: url.hostname, port: Number(url.port || 2376) };
  }
  throw new Error(`DOCKER_HOST ${dockerHost} is not unix:///path/to.sock or tcp://host:port`);
}
