import { execFile } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type Docker from "dockerode";

const run = promisify(execFile);

/** The image the tests' containers run: Debian's static busybox, with a link per applet. */
export const TEST_IMAGE = "localhost/orbit-test-busybox:latest";

const BUSYBOX = ["/bin/busybox", "/usr/bin/busybox"];

/**
 * Makes sure the engine has TEST_IMAGE. No registry is reachable on our machines (shared/notes/container-engine.md),
 * so the image is built here, from the host's static busybox, and imported through the Docker API.
 */
export async function importTestImage(docker: Docker): Promise<void> {
  try {
    await docker.getImage(TEST_IMAGE).inspect();
    return;
  } catch {
    // Not there yet.
  }
  const busybox = BUSYBOX.find((candidate) => existsSync(candidate));
  if (!busybox) {
    throw new Error(
      "The container tests need a static busybox (Debian: busybox-static); see .ci/setup-podman.",
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), "orbit-test-image-"));
  try {
    const rootfs = path.join(dir, "rootfs");
    await mkdir(path.join(rootfs, "bin"), { recursive: true });
    await mkdir(path.join(rootfs, "tmp"), { recursive: true });
    await copyFile(busybox, path.join(rootfs, "bin", "busybox"));
    const { stdout } = await run(busybox, ["--list"]);
    for (const applet of stdout.split("\n").map((a) => a.trim())) {
      if (!applet || applet === "busybox" || applet.includes("/")) continue;
      await symlink("busybox", path.join(rootfs, "bin", applet)).catch(() => undefined);
    }
    const archive = path.join(dir, "image.tar");
    await run("tar", ["-C", rootfs, "-cf", archive, "."]);
    const [repo] = TEST_IMAGE.split(":");
    const progress = await docker.importImage(createReadStream(archive), { repo, tag: "latest" });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(progress, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await docker.getImage(TEST_IMAGE).inspect();
}
