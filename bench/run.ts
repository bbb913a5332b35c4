import { benchGateway } from "./gateway";
import { benchJobs } from "./jobs";
import { type BenchDatabaseStack, startBenchDatabaseStack } from "./lib/start-bench-database-stack";
import { type BenchStack, startBenchStack } from "./lib/start-bench-stack";
import { benchUi } from "./ui";
import { benchWebhooks } from "./webhooks";

// `npm run bench [-- webhooks|gateway|jobs|ui …]`: the named benchmarks (all by default), one after another against
// one stack (database, `npm start`, server-everything), which is stopped and removed afterwards. When only benchmarks
// that time lib functions in this process are chosen, the stack is just a migrated database: no build, no app.
type Bench =
  | { needsApp: true; run: (stack: BenchStack) => Promise<{ ok: boolean }> }
  | { needsApp: false; run: (stack: BenchDatabaseStack) => Promise<{ ok: boolean }> };
const all: Record<string, Bench> = {
  webhooks: { needsApp: true, run: benchWebhooks },
  gateway: { needsApp: true, run: benchGateway },
  jobs: { needsApp: true, run: benchJobs },
  ui: { needsApp: false, run: benchUi },
};
const names = process.argv.slice(2).filter((n) => n !== "--");
for (const name of names) {
  if (!(name in all)) {
    console.error(`unknown benchmark "${name}" (known: ${Object.keys(all).join(", ")})`);
    process.exit(2);
  }
}
const chosen = names.length > 0 ? names : Object.keys(all);
const needsApp = chosen.some((name) => all[name]!.needsApp);
const stack: BenchStack | BenchDatabaseStack = needsApp
  ? await startBenchStack()
  : await startBenchDatabaseStack();
let ok = true;
try {
  for (const name of chosen) {
    console.log(`\n[bench] ${name}`);
    const bench = all[name]!;
    // needsApp benchmarks only run when the full stack was started above.
    const result = bench.needsApp ? await bench.run(stack as BenchStack) : await bench.run(stack);
    ok = result.ok && ok;
  }
} finally {
  await stack.stop();
}
process.exit(ok ? 0 : 1);
