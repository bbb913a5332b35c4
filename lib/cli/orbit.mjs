#!/usr/bin/env node
// `npx orbit …`: the admin CLI. A plain-JS shim that loads the TypeScript entry through tsx, so the CLI runs the
// same domain code as the web app without a separate build.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The CLI talks to a person; the service log's warnings (say, "no Redis: limits are per process") concern long-running
// instances, not a one-shot command. ORBIT_LOG_LEVEL still wins when set.
process.env.ORBIT_LOG_LEVEL ||= "error";
register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
await import("./main.ts");
