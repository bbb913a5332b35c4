import { fileURLToPath } from "node:url";

/** The repository root: `npm start` runs from here. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The admin's signed-in browser state, written by the setup project and reused by every spec (gitignored). */
export const ADMIN_STATE = fileURLToPath(new URL("../.auth/admin.json", import.meta.url));
