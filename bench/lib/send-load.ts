import { Agent, request } from "node:http";

export type PreparedRequest = { body: Buffer; headers: Record<string, string> };

export type LoadResult = {
  concurrency: number;
  sent: number;
  /** Answers that name a stored delivery (202 async, 200/202 sync). */
  accepted: number;
  statuses: Record<string, number>;
  acceptedIds: string[];
  elapsedMs: number;
  /** Acknowledgement latency of every request, request start to the last byte of the answer, in ms. */
  latenciesMs: number[];
};

/**
 * A closed-loop load generator: `concurrency` senders, each on its own kept-alive connection, send the prepared
 * requests in order until they run out or `maxMs` passes. Bodies are signed before the clock starts, so the
 * generator's own work while timing is one write and one read per request.
 */
export async function sendLoad(options: {
  url: string;
  requests: PreparedRequest[];
  concurrency: number;
  maxMs: number;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  const acceptedIds: string[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxMs;

  async function sender(): Promise<void> {
    while (next < options.requests.length && performance.now() < deadline) {
      const prepared = options.requests[next++]!;
      const t0 = performance.now();
      const answer = await post(agent, target, prepared).catch((error: unknown) => ({
        status: 0,
        text: String(error),
      }));
      latenciesMs.push(performance.now() - t0);
      const key = answer.status === 0 ? "error" : String(answer.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      const id = deliveryId(answer.text);
      if ((answer.status === 200 || answer.status === 202) && id) acceptedIds.push(id);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, sender));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    concurrency: options.concurrency,
    sent: latenciesMs.length,
    accepted: acceptedIds.length,
    statuses,
    acceptedIds,
    elapsedMs,
    latenciesMs,
  };
}

function post(
  agent: Agent,
  target: URL,
  prepared: PreparedRequest,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { ...prepared.headers, "content-length": String(prepared.body.byteLength) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out after 30 s")));
    req.on("error", reject);
    req.end(prepared.body);
  });
}

function deliveryId(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { deliveryId?: unknown };
    return typeof parsed.deliveryId === "string" ? parsed.deliveryId : null;
  } catch {
    return null;
  }
}

/** The nearest-rank percentile of `values` (ms), or NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
