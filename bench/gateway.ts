import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { findFreePort } from "@/lib/test/find-free-port";
import { describeMachine } from "./lib/describe-machine";
import { type CallLevel, measureMcpCalls } from "./lib/measure-mcp-calls";
import { BENCH_ROOT, type BenchStack } from "./lib/start-bench-stack";
import { writeBenchmarksSection } from "./lib/write-benchmarks-section";

// The gateway benchmark (issue 4): tools/call echo straight to server-everything, through Orbit's passthrough
// endpoint (and the federated one, when it exists), and through mcp-proxy in front of server-everything over stdio
// as a peer figure — all in the same run, at concurrency 1 and 16, every answer checked.

const CONCURRENCY = [1, 16];
const CALLS = Number(process.env.BENCH_GATEWAY_CALLS ?? 2000);
const WARMUP = 20;
const require = createRequire(import.meta.url);

export async function benchGateway(stack: BenchStack): Promise<{ ok: boolean }> {
  const started = new Date();
  const { app, prisma, everything } = stack;
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const slug = `bench-${Date.now()}`;
  await prisma.server.create({
    data: {
      slug,
      name: "server-everything (bench)",
      endpoints: { create: [{ url: everything.url }] },
      tools: { create: [{ name: "echo", inputSchema: { type: "object" } }] },
    },
  });
  const { key } = await createApiKey({ actor: { kind: "cli" }, input: { name: slug, scopes: ["mcp"] } });
  const auth = { authorization: `Bearer ${key}` };
  const proxy = await startMcpProxy();

  try {
    // Whose CPU each row is charged with: the gateway's process tree and the upstream's. mcp-proxy's tree holds
    // its own server-everything (stdio), so its gateway figure includes its upstream.
    const orbit = { gateway: app.pid, upstream: everything.pid };
    const targets: Omit<Parameters<typeof measureMcpCalls>[0], "concurrency" | "calls" | "warmup">[] = [
      { label: "direct", url: everything.url, tool: "echo", processes: { upstream: everything.pid } },
      {
        label: "orbit passthrough",
        url: `${app.url}/api/mcp/${slug}`,
        headers: auth,
        tool: "echo",
        processes: orbit,
      },
      {
        label: "orbit federated",
        url: `${app.url}/api/mcp`,
        headers: auth,
        tool: `${slug}__echo`,
        processes: orbit,
      },
      { label: "mcp-proxy (stdio)", url: proxy.url, tool: "echo", processes: { gateway: proxy.pid } },
    ];
    const levels: CallLevel[] = [];
    for (const concurrency of CONCURRENCY) {
      for (const target of targets) {
        const level = await measureMcpCalls({
          ...target,
          concurrency,
          calls: CALLS,
          warmup: WARMUP,
        });
        levels.push(level);
        console.log(`[bench] ${formatLevel(level, levels)}`);
      }
    }
    const markdown = render({ stack, started, levels });
    await writeBenchmarksSection(
      path.join(BENCH_ROOT, "docs/BENCHMARKS.md"),
      `gateway:${stack.postgres ? "postgres" : "embedded"}:${stack.redis ? "redis" : "memory"}`,
      markdown,
    );
    console.log(`\n${markdown}\n`);
    return { ok: levels.every((l) => l.failures === 0) };
  } finally {
    await proxy.stop();
  }
}

/** mcp-proxy (npm) serving server-everything's stdio transport as Streamable HTTP, the usual way to expose one. */
async function startMcpProxy(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await findFreePort();
  const everythingEntry = path.join(
    path.dirname(require.resolve("@modelcontextprotocol/server-everything/package.json")),
    "dist/index.js",
  );
  const bin = path.join(path.dirname(require.resolve("mcp-proxy/package.json")), "dist/bin/mcp-proxy.mjs");
  const child = spawn(
    process.execPath,
    [
      bin,
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--server",
      "stream",
      "--",
      process.execPath,
      everythingEntry,
      "stdio",
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}/mcp`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(url, { method: "GET" });
      await response.body?.cancel();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error("mcp-proxy did not start");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function relative(level: CallLevel, levels: CallLevel[]): { ratio: number; addedP50: number } {
  const direct = levels.find((l) => l.label === "direct" && l.concurrency === level.concurrency);
  return {
    ratio: direct ? level.perSecond / direct.perSecond : Number.NaN,
    addedP50: direct ? level.p50 - direct.p50 : Number.NaN,
  };
}

function formatLevel(level: CallLevel, levels: CallLevel[]): string {
  const { ratio, addedP50 } = relative(level, levels);
  const cpu = (name: string) => {
    const ms = level.cpuPerCall[name];
    return ms == null ? "–" : ms.toFixed(2);
  };
  return `| ${level.label} | ${level.concurrency} | ${level.calls} | ${level.failures} | ${Math.round(level.perSecond)} | ${(ratio * 100).toFixed(0)} % | ${level.p50.toFixed(2)} | ${level.p99.toFixed(2)} | ${level.label === "direct" ? "–" : `${addedP50 >= 0 ? "+" : ""}${addedP50.toFixed(2)}`} | ${cpu("gateway")} | ${cpu("upstream")} |`;
}

function render(options: { stack: BenchStack; started: Date; levels: CallLevel[] }): string {
  const m = describeMachine();
  const { stack, levels } = options;
  const pass = levels.find((l) => l.label === "orbit passthrough" && l.concurrency === 16);
  const one = levels.find((l) => l.label === "orbit passthrough" && l.concurrency === 1);
  return `## MCP gateway — ${stack.label}

- Date: ${options.started.toISOString()}
- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}; load generator, app (web + worker), database${stack.redis ? ", Redis" : ""}, server-everything and mcp-proxy all on this machine, over loopback
- Command: \`${stack.command}\`
- Setup: \`tools/call echo\` with a per-call unique message, ${CALLS} calls per row, closed loop over N MCP SDK clients (one session each, opened and warmed with ${WARMUP} calls each before timing); every answer checked to echo its own message (failures column). CPU ms/call is the user + system time, per call while the row ran, of the gateway's processes (Orbit's web + worker; mcp-proxy with the server-everything it runs over stdio) and of the Streamable HTTP server-everything, read from /proc: unlike calls/s it barely moves with whatever else shares the two cores. "direct" is server-everything's own Streamable HTTP endpoint; "mcp-proxy (stdio)" is \`mcp-proxy\` (npm) in front of server-everything's stdio transport

| endpoint | concurrency | calls | failures | calls/s | of direct | p50 ms | p99 ms | added p50 ms | gateway CPU ms/call | upstream CPU ms/call |
|---|---|---|---|---|---|---|---|---|---|---|
${levels.map((l) => formatLevel(l, levels)).join("\n")}

Targets (issue 4): passthrough ≥ 60 % of direct throughput at c=16 (measured ${pass ? `${(relative(pass, levels).ratio * 100).toFixed(0)} %` : "–"}), ≤ 2 ms added p50 at c=1 (measured ${one ? `${relative(one, levels).addedP50.toFixed(2)} ms` : "–"}).`;
}
