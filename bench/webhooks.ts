import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import { describeMachine } from "./lib/describe-machine";
import { measureMcpCalls } from "./lib/measure-mcp-calls";
import { type LoadResult, type PreparedRequest, percentile, sendLoad } from "./lib/send-load";
import { BENCH_ROOT, type BenchStack } from "./lib/start-bench-stack";
import { writeBenchmarksSection } from "./lib/write-benchmarks-section";

// The webhook bridge benchmark (issue 3): acknowledgement throughput and latency for async and sync integrations at
// several concurrencies, every accepted delivery checked to reach a terminal state, and sync's cost over calling the
// tool directly. It starts and stops its own stack; see bench/README.md.

const CONCURRENCY = [1, 16, 64];
const COUNT = {
  async: Number(process.env.BENCH_ASYNC_COUNT ?? 2000),
  sync: Number(process.env.BENCH_SYNC_COUNT ?? 500),
};
const LEVEL_MAX_MS = 60_000;
const DRAIN_MAX_MS = 180_000;
const WARMUP = 30;
const DIRECT_CALLS = 300;
const TERMINAL = new Set(["succeeded", "failed", "dead", "unrouted", "rejected"]);

type Mode = "async" | "sync";
type Row = LoadResult & {
  mode: Mode;
  terminal: number;
  lost: number;
  outcomes: Record<string, number>;
  drainMs: number;
};

export async function benchWebhooks(stack: BenchStack): Promise<{ ok: boolean }> {
  const started = new Date();
  const { app, prisma, everything, label } = stack;
  const { seedWebhookIntegration } = await import("@/lib/webhooks/seed-webhook-integration");
  const secret = randomUUID();
  const route = {
    isFallback: true,
    toolName: "echo",
    argumentsMapping: '{"message": "bench " & payload.issue.title}',
  };
  const integrations = {
    async: await seedWebhookIntegration({
      serverUrl: everything.url,
      secret,
      mode: "async",
      routes: [route],
    }),
    sync: await seedWebhookIntegration({
      serverUrl: everything.url,
      secret,
      mode: "sync",
      routes: [route],
    }),
  };

  // The same echo call the sync route makes, straight from an SDK client on one session: the floor Orbit adds to.
  const direct = await measureMcpCalls({
    label: "direct",
    url: everything.url,
    tool: "echo",
    concurrency: 1,
    calls: DIRECT_CALLS,
    warmup: WARMUP,
  });
  console.log(`[bench] direct echo call: p50 ${direct.p50.toFixed(2)} ms, p99 ${direct.p99.toFixed(2)} ms`);

  const rows: Row[] = [];
  for (const mode of ["async", "sync"] as const) {
    const url = `${app.url}/api/webhooks/${integrations[mode].integration.slug}`;
    // Warm-up (JIT, connection pools, the MCP session); its deliveries are checked too, not timed.
    const warm = await sendLoad({
      url,
      requests: prepare(secret, WARMUP, `warm-${mode}`),
      concurrency: 4,
      maxMs: LEVEL_MAX_MS,
    });
    await waitForTerminal(prisma, warm.acceptedIds);
    for (const concurrency of CONCURRENCY) {
      const requests = prepare(secret, COUNT[mode], `${mode}-${concurrency}`);
      const t0 = performance.now();
      const load = await sendLoad({ url, requests, concurrency, maxMs: LEVEL_MAX_MS });
      const settled = await waitForTerminal(prisma, load.acceptedIds);
      const row: Row = { ...load, mode, ...settled, drainMs: performance.now() - t0 };
      rows.push(row);
      console.log(
        `[bench] ${formatRow(row)} | answers ${JSON.stringify(load.statuses)} | outcomes ${JSON.stringify(settled.outcomes)} | all terminal after ${(row.drainMs / 1000).toFixed(1)} s`,
      );
    }
  }

  const syncOne = rows.find((r) => r.mode === "sync" && r.concurrency === 1);
  const syncOverhead = syncOne ? percentile(syncOne.latenciesMs, 50) - direct.p50 : Number.NaN;
  const asyncRows = rows.filter((r) => r.mode === "async");
  const lost = rows.reduce((n, r) => n + r.lost, 0);
  const markdown = renderSection({
    label,
    started,
    rows,
    direct,
    syncOverhead,
    redis: stack.redis,
    command: stack.command,
  });
  await writeBenchmarksSection(
    path.join(BENCH_ROOT, "docs/BENCHMARKS.md"),
    `webhooks:${stack.postgres ? "postgres" : "embedded"}:${stack.redis ? "redis" : "memory"}`,
    markdown,
  );
  console.log(`\n${markdown}\n`);
  const asyncOk = asyncRows.every(
    (r) => r.sent / (r.elapsedMs / 1000) >= 1000 && percentile(r.latenciesMs, 99) < 50,
  );
  console.log(
    `[bench] targets: async ${asyncOk ? "met" : "MISSED"}, sync overhead ${syncOverhead.toFixed(2)} ms (${syncOverhead <= 3 ? "met" : "MISSED"}), lost ${lost}`,
  );
  return { ok: lost === 0 };
}

/** `count` GitHub `issues` deliveries with unique delivery ids, signed the way GitHub signs them. */
function prepare(secret: string, count: number, tag: string): PreparedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const body = Buffer.from(
      JSON.stringify({
        action: "opened",
        issue: {
          number: i + 1,
          title: `${tag} #${i + 1}`,
          body: "Benchmark delivery",
          user: { login: "bench" },
        },
        repository: { full_name: "orbit/bench" },
        sender: { login: "bench" },
      }),
    );
    return {
      body,
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/bench",
        "x-github-event": "issues",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
    };
  });
}

type Prisma = ReturnType<typeof import("@/lib/db/get-prisma").getPrisma>;

/** Polls until every accepted delivery is terminal or DRAIN_MAX_MS passes; the rest count as lost. */
async function waitForTerminal(prisma: Prisma, ids: string[]) {
  const deadline = Date.now() + DRAIN_MAX_MS;
  let statuses = new Map<string, string>();
  for (;;) {
    statuses = new Map();
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await prisma.delivery.findMany({
        where: { id: { in: ids.slice(i, i + 1000) } },
        select: { id: true, status: true },
      });
      for (const d of found) statuses.set(d.id, d.status);
    }
    const pending = ids.filter((id) => !TERMINAL.has(statuses.get(id) ?? "missing"));
    if (pending.length === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const outcomes: Record<string, number> = {};
  for (const id of ids) {
    const status = statuses.get(id) ?? "missing";
    outcomes[status] = (outcomes[status] ?? 0) + 1;
  }
  const terminal = ids.filter((id) => TERMINAL.has(statuses.get(id) ?? "missing")).length;
  return { terminal, lost: ids.length - terminal, outcomes };
}

function formatRow(r: Row): string {
  const rate = r.sent / (r.elapsedMs / 1000);
  return `| ${r.mode} | ${r.concurrency} | ${r.sent} | ${r.accepted} | ${Math.round(rate)} | ${ms(percentile(r.latenciesMs, 50))} | ${ms(percentile(r.latenciesMs, 99))} | ${r.terminal} / ${r.lost} |`;
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(1));

function renderSection(options: {
  label: string;
  started: Date;
  rows: Row[];
  direct: { p50: number; p99: number; calls: number };
  syncOverhead: number;
  redis: boolean;
  command: string;
}): string {
  const m = describeMachine();
  const outcomes = options.rows
    .map(
      (r) =>
        `${r.mode}@${r.concurrency}: ${Object.entries(r.outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}; answers ${Object.entries(r.statuses)
          .map(([k, v]) => `${k}×${v}`)
          .join(", ")}; all terminal ${(r.drainMs / 1000).toFixed(1)} s after the first request`,
    )
    .map((line) => `- ${line}`)
    .join("\n");
  return `## Webhook bridge — ${options.label}

- Date: ${options.started.toISOString()}
- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}; load generator, app (web + worker), database${options.redis ? ", Redis" : ""} and server-everything all on this machine, over loopback
- Command: \`${options.command}\`
- Setup: \`npm start\` (production build, one web + one worker process), one GitHub integration per mode with one fallback route → server-everything \`echo\`; ${WARMUP} warm-up deliveries per mode not timed; a level stops at its count or after ${LEVEL_MAX_MS / 1000} s; then the DB is polled up to ${DRAIN_MAX_MS / 1000} s until every accepted delivery is terminal
- Acknowledgement latency: request start to the last byte of the answer (async: the \`202\`; sync: the \`200\` with the tool result). deliveries/s = sent ÷ wall time of the level

| mode | concurrency | sent | accepted | deliveries/s | p50 ms | p99 ms | terminal / lost |
|---|---|---|---|---|---|---|---|
${options.rows.map(formatRow).join("\n")}

Direct tool call (SDK client → server-everything \`echo\`, one session, sequential, ${options.direct.calls} calls): p50 ${ms(options.direct.p50)} ms, p99 ${ms(options.direct.p99)} ms. **Sync adds ${ms(options.syncOverhead)} ms p50 over a direct call** (sync at concurrency 1 vs direct).

Outcomes and answers per level:
${outcomes}`;
}
