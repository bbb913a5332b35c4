import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBuild, FINGERPRINT_FILE } from "./check-build";

describe("checkBuild", () => {
  let root: string;
  const write = async (file: string, content = "x") => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  };
  // Pretend `npm start` built the current sources.
  const recordBuild = async () => {
    const { fingerprint } = await checkBuild({ root });
    await write(".next/BUILD_ID", "build");
    await write(`.next/${FINGERPRINT_FILE}`, fingerprint);
  };

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "orbit-check-build-"));
    await write("app/page.tsx", "export default function Page() {}");
    await write("lib/env.ts", "export {}");
    await write("package.json", "{}");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("asks for a build when there is none", async () => {
    expect(await checkBuild({ root })).toMatchObject({ needed: true, reason: "no production build yet" });
  });

  it("adopts a build from npm run build only when no source is newer", async () => {
    const past = new Date(Date.now() - 60_000);
    for (const file of ["app/page.tsx", "lib/env.ts", "package.json"])
      await utimes(path.join(root, file), past, past);
    await write(".next/BUILD_ID", "build");
    expect(await checkBuild({ root })).toMatchObject({ needed: false, adopt: true });

    await utimes(path.join(root, "lib/env.ts"), new Date(), new Date(Date.now() + 5000));
    expect(await checkBuild({ root })).toMatchObject({ needed: true, adopt: false });
  });

  it("skips the build when nothing changed", async () => {
    await recordBuild();
    expect(await checkBuild({ root })).toMatchObject({ needed: false });
  });

  it("rebuilds when a source is edited, added or removed", async () => {
    await recordBuild();
    await utimes(path.join(root, "lib/env.ts"), new Date(), new Date(Date.now() + 5000));
    expect((await checkBuild({ root })).needed).toBe(true);

    await recordBuild();
    await write("components/button.tsx");
    expect((await checkBuild({ root })).needed).toBe(true);

    await recordBuild();
    await rm(path.join(root, "components/button.tsx"));
    expect((await checkBuild({ root })).needed).toBe(true);
  });

  it("ignores the generated Prisma client, tests and dependencies", async () => {
    await recordBuild();
    await write("lib/db/generated/client.ts");
    await write("lib/env.test.ts");
    await write("node_modules/next/index.js");
    expect((await checkBuild({ root })).needed).toBe(false);
  });
});
