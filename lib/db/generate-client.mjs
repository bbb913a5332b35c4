// `npm install` / `npm ci` run this as our package's postinstall: it writes the Prisma client into lib/db/generated
// (gitignored). Plain JavaScript on purpose, so it needs nothing but Node at that point.
//
// The Prisma CLI insists on a native schema engine before any command and would try to download one, which fails
// offline (and the download script of @prisma/engines is denied in package.json anyway). `generate` never runs that
// engine, so any executable file satisfies the check: we point PRISMA_SCHEMA_ENGINE_BINARY at a throwaway stub.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");

const stubDir = mkdtempSync(path.join(tmpdir(), "orbit-prisma-"));
const stub = path.join(stubDir, "schema-engine");
writeFileSync(stub, "#!/bin/sh\nexit 0\n");
chmodSync(stub, 0o755);

let status = 1;
try {
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", "prisma/schema.prisma"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.error) console.error(`Generating the Prisma client failed: ${result.error.message}`);
  status = result.status ?? 1;
} finally {
  rmSync(stubDir, { recursive: true, force: true });
}
process.exit(status);
