import { benchGateway } from "./gateway";
import { startBenchStack } from "./lib/start-bench-stack";
import { benchWebhooks } from "./webhooks";

// `npm run bench [-- webhooks|gateway …]`: the named benchmarks (all by default), one after another against one
// stack (database, `npm start`, server-everything), which is stopped and removed afterwards.
const all = { webhooks: benchWebhooks, gateway: benchGateway };
const names = process.argv.slice(2).filter((n) => n !== "--");
for (const name of names) {
  if (!(name in all)) {
    console.error(`unknown benchmark "${name}" (known: ${Object.keys(all).join(", ")})`);
    process.exit(2);
  }
}
const chosen = names.length > 0 ? names : Object.keys(all);
const stack = await startBenchStack();
let ok = true;
try {
  for (const name of chosen) {
    console.log(`\n[bench] ${name}`);
    ok = (await all[name as keyof typeof all](stack)).ok && ok;
  }
} finally {
  await stack.stop();
}
process.exit(ok ? 0 : 1);
