import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { readProcessTreeCpuMs } from "./read-process-cpu";
import { percentile } from "./send-load";

export type CallLevel = {
  label: string;
  concurrency: number;
  calls: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU ms per call of each process tree named in `processes` (only while the calls ran), when /proc can tell. */
  cpuPerCall: Record<string, number | null>;
};

/**
 * `calls` tools/call echo requests through one endpoint, closed loop: `concurrency` MCP SDK clients, each with its
 * own session, as many MCP clients would. Sessions are opened and warmed before the clock starts; every answer is
 * checked to echo exactly its own message (a wrong or missing one counts as a failure).
 */
export async function measureMcpCalls(options: {
  label: string;
  url: string;
  headers?: Record<string, string>;
  tool: string;
  concurrency: number;
  calls: number;
  warmup: number;
  /** Process trees (name → root pid) whose CPU time the calls are charged with: Orbit's, the upstream's. */
  processes?: Record<string, number>;
}): Promise<CallLevel> {
  const clients = await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      const client = new Client({ name: "orbit-bench", version: "1" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(options.url), {
          requestInit: { headers: options.headers },
        }),
      );
      return client;
    }),
  );
  try {
    const call = async (client: Client, message: string) => {
      const result = await client.callTool({ name: options.tool, arguments: { message } });
      const text = (result.content as { type: string; text?: string }[] | undefined)?.[0]?.text;
      return text === `Echo: ${message}`;
    };
    await Promise.all(
      clients.map(async (c, i) => {
        for (let n = 0; n < options.warmup; n++) await call(c, `warm ${i}.${n}`);
      }),
    );

    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const processes = Object.entries(options.processes ?? {});
    const cpuBefore = processes.map(([, pid]) => readProcessTreeCpuMs(pid));
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (next < options.calls) {
          const n = next++;
          const t0 = performance.now();
          const ok = await call(client, `bench ${options.label} #${n}`).catch(() => false);
          latencies.push(performance.now() - t0);
          if (!ok) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuPerCall = Object.fromEntries(
      processes.map(([name, pid], i) => {
        const before = cpuBefore[i];
        const after = readProcessTreeCpuMs(pid);
        return [name, before == null || after == null ? null : (after - before) / latencies.length];
      }),
    );
    return {
      label: options.label,
      concurrency: options.concurrency,
      calls: latencies.length,
      failures,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuPerCall,
    };
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
  }
}
