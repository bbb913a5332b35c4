import { readFile } from "node:fs/promises";
import path from "node:path";

export type EmbeddedInstance = { pid: number; port: number | null; databaseUrl: string | null };

/**
 * `${dataDir}/embedded.json` marks the process that owns the PGlite files in a data directory (PGlite must never
 * open them twice) and, once it serves them, where to connect. `read` answers null when there is no such file or it
 * is not ours to understand.
 */
export const embeddedInstanceFile = {
  path: (dataDir: string) => path.join(dataDir, "embedded.json"),

  async read(dataDir: string): Promise<EmbeddedInstance | null> {
    try {
      const parsed = JSON.parse(await readFile(this.path(dataDir), "utf8")) as Partial<EmbeddedInstance>;
      if (typeof parsed.pid !== "number") return null;
      return { pid: parsed.pid, port: parsed.port ?? null, databaseUrl: parsed.databaseUrl ?? null };
    } catch {
      return null;
    }
  },
};
