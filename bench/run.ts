import { benchWebhooks } from "./webhooks";

// `npm run bench`: every benchmark in bench/, one after another (each starts and stops its own stack).
const { ok } = await benchWebhooks();
process.exit(ok ? 0 : 1);
