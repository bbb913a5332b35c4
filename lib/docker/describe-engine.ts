import type Docker from "dockerode";

export type EngineInfo = {
  /** "Podman" or "Docker" (or whatever the engine calls itself). */
  name: string;
  version: string;
  /** The Docker API version it serves. */
  apiVersion: string;
  /** Podman's own API version (its /libpod endpoints), null for Docker. */
  libpodApiVersion: string | null;
  /** "Podman 4.3.1 (Docker API 1.41)", for logs and the containers page. */
  label: string;
};

/** Asks the engine who it is; rejects when it cannot be reached (the watcher's reachability probe). */
export async function describeEngine(docker: Docker): Promise<EngineInfo> {
  const version = await docker.version();
  const podman = version.Components?.find((c) => c.Name === "Podman Engine");
  const name = podman ? "Podman" : "Docker";
  const engineVersion = podman?.Version ?? version.Version;
  const details = podman?.Details as { APIVersion?: string } | undefined;
  return {
    name,
    version: engineVersion,
    apiVersion: version.ApiVersion,
    libpodApiVersion: podman ? (details?.APIVersion ?? engineVersion) : null,
    label: `${name} ${engineVersion} (Docker API ${version.ApiVersion})`,
  };
}
