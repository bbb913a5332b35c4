import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

type LocalSecrets = { AUTH_SECRET: string; ORBIT_ENCRYPTION_KEY: string };

/**
 * Embedded mode only (DATABASE_URL unset): a local install should start with no configuration, so the session and
 * encryption secrets are generated once into `${dataDir}/secrets.json` (mode 0600) and reused on every start —
 * losing them would log everyone out and make stored upstream credentials unreadable. Values already in the
 * environment win. Never call this for a PostgreSQL server: there a missing secret must stop the boot (lib/env.ts).
 */
export async function ensureLocalSecrets({
  dataDir,
  env = process.env,
}: {
  dataDir: string;
  env?: Record<string, string | undefined>;
}): Promise<{ file: string; created: boolean }> {
  const file = path.join(path.resolve(dataDir), "secrets.json");
  let created = false;
  let secrets = await readSecrets(file);
  if (!secrets) {
    created = await writeSecretsOnce(file, {
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      ORBIT_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    });
    // Whoever won a concurrent first start wrote the values everyone uses.
    secrets = await readSecrets(file);
    if (!secrets) throw new Error(`${file} exists but does not hold AUTH_SECRET and ORBIT_ENCRYPTION_KEY`);
  }
  for (const [name, value] of Object.entries(secrets)) {
    if (!env[name]) env[name] = value;
  }
  return { file, created };
}

async function readSecrets(file: string): Promise<LocalSecrets | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = JSON.parse(raw) as Partial<LocalSecrets>;
  if (typeof parsed.AUTH_SECRET !== "string" || typeof parsed.ORBIT_ENCRYPTION_KEY !== "string") return null;
  return { AUTH_SECRET: parsed.AUTH_SECRET, ORBIT_ENCRYPTION_KEY: parsed.ORBIT_ENCRYPTION_KEY };
}

/** Writes a complete temp file, then links it into place: readers never see half a file, and the first wins. */
async function writeSecretsOnce(file: string, secrets: LocalSecrets): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => {});
  }
}
