import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { ensureLocalSecrets } from "./ensure-local-secrets";

describe("ensureLocalSecrets", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "orbit-secrets-"));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it("generates valid secrets once, readable only by their owner, and reuses them", async () => {
    const first: Record<string, string | undefined> = { DATABASE_URL: "postgresql://localhost/x" };
    const created = await ensureLocalSecrets({ dataDir, env: first });
    expect(created.created).toBe(true);
    expect(() => parseEnv(first)).not.toThrow();
    expect((await stat(created.file)).mode & 0o777).toBe(0o600);

    const second: Record<string, string | undefined> = {};
    expect((await ensureLocalSecrets({ dataDir, env: second })).created).toBe(false);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.ORBIT_ENCRYPTION_KEY).toBe(first.ORBIT_ENCRYPTION_KEY);
  });

  it("leaves values from the environment alone", async () => {
    const env: Record<string, string | undefined> = { AUTH_SECRET: "from-the-operator".padEnd(40, "!") };
    await ensureLocalSecrets({ dataDir, env });
    expect(env.AUTH_SECRET).toBe("from-the-operator".padEnd(40, "!"));
    const stored = JSON.parse(await readFile(path.join(dataDir, "secrets.json"), "utf8"));
    expect(env.ORBIT_ENCRYPTION_KEY).toBe(stored.ORBIT_ENCRYPTION_KEY);
  });

  it("agrees on one set of secrets when several processes start at once", async () => {
    const envs = Array.from({ length: 5 }, () => ({}) as Record<string, string | undefined>);
    await Promise.all(envs.map((env) => ensureLocalSecrets({ dataDir, env })));
    expect(new Set(envs.map((env) => env.AUTH_SECRET)).size).toBe(1);
  });
});
