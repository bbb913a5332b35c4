import { getPrisma } from "@/lib/db/get-prisma";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { isTerminalJobStatus, type JobEvent, jobEventsTopic } from "./job-event-types";
import { readJobEvents } from "./read-job-events";

const PAGE = 500;
const HEARTBEAT_MS = 15_000;
// The fan-out is at most once (an instance not yet polling misses what was published), so the database is read
// this often anyway while the stream is quiet.
const POLL_MS = 3_000;

/**
 * A job's events as Server-Sent Events, `id: <seq>` on each, from just after `afterSeq` (Last-Event-ID or ?after=).
 * It subscribes to the live fan-out first and only then reads the database, so nothing published during the read
 * is missed; live events are sent only when they are exactly the next number, anything else (a gap, a duplicate)
 * sends the stream back to the database. So a stream has no gaps and no repeats by construction. A comment line
 * every 15 s keeps proxies from closing a quiet stream; the stream ends after `job_finished`.
 */
export function openJobEventStream(options: {
  jobId: string;
  afterSeq: number;
  signal: AbortSignal;
  heartbeatMs?: number;
  pollMs?: number;
}): ReadableStream<Uint8Array> {
  const { jobId, signal } = options;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const pollMs = options.pollMs ?? POLL_MS;
  const encoder = new TextEncoder();
  const stop = new AbortController();
  signal.addEventListener("abort", () => stop.abort());
  let pending: JobEvent[] = [];
  let wake: (() => void) | null = null;

  return new ReadableStream<Uint8Array>({
    cancel() {
      stop.abort();
    },
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop.abort();
        }
      };
      const unsubscribe = getEventFanout().subscribe(jobEventsTopic(jobId), (event) => {
        pending.push(event as JobEvent);
        wake?.();
      });
      let cursor = options.afterSeq;
      let quietSince = Date.now();
      let finished = false;
      const emit = (event: JobEvent) => {
        send(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        cursor = event.seq;
        quietSince = Date.now();
        if (event.type === "job_finished") finished = true;
      };
      send("retry: 2000\n\n");
      try {
        let fromDatabase = true;
        while (!stop.signal.aborted && !finished) {
          if (fromDatabase) {
            pending = [];
            const events = await readJobEvents(jobId, cursor, PAGE);
            for (const event of events) emit(event);
            if (events.length === PAGE || finished) continue;
            // Resumed after the end, or a job that ended without events reaching here: nothing more will come.
            if (events.length === 0 && (await hasEnded(jobId, cursor))) break;
          }
          const waited = await waitFor(Math.min(pollMs, heartbeatMs - (Date.now() - quietSince)));
          if (Date.now() - quietSince >= heartbeatMs) {
            send(": keep-alive\n\n");
            quietSince = Date.now();
          }
          fromDatabase = waited === "timeout" || !takeLive(emit, () => cursor);
        }
      } catch {
        // The database went away mid-stream: end it; EventSource reconnects with the last id it saw.
      } finally {
        unsubscribe();
      }
      try {
        controller.close();
      } catch {
        // Already cancelled by the client.
      }
    },
  });

  function waitFor(ms: number): Promise<"event" | "timeout"> {
    if (pending.length > 0) return Promise.resolve("event");
    return new Promise((resolve) => {
      const done = (how: "event" | "timeout") => {
        clearTimeout(timer);
        wake = null;
        stop.signal.removeEventListener("abort", onAbort);
        resolve(how);
      };
      const onAbort = () => done("timeout");
      const timer = setTimeout(() => done("timeout"), Math.max(ms, 0));
      wake = () => done("event");
      stop.signal.addEventListener("abort", onAbort);
    });
  }

  // Sends the live events that continue the stream exactly; false when they do not (the database fills the gap).
  function takeLive(emit: (event: JobEvent) => void, cursor: () => number): boolean {
    const live = pending.sort((a, b) => a.seq - b.seq);
    pending = [];
    for (const event of live) {
      if (event.seq <= cursor()) continue;
      if (event.seq !== cursor() + 1) return false;
      emit(event);
    }
    return true;
  }
}

async function hasEnded(jobId: string, cursor: number): Promise<boolean> {
  const job = await getPrisma().job.findUnique({
    where: { id: jobId },
    select: { status: true, lastSeq: true },
  });
  return !job || (isTerminalJobStatus(job.status) && job.lastSeq <= cursor);
}
