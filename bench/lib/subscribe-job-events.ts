import { readSse } from "@/lib/jobs/test/read-sse";

export type JobSubscription = {
  /** When the stream's answer (status and headers) arrived, ms since the epoch: events stored after it came live. */
  openedAt: number;
  status: number;
  /** Every event in the order received, with its stored timestamp (`at`) and when this subscriber parsed it. */
  events: { seq: number; type: string; storedAt: number; receivedAt: number }[];
  /** The server ended the stream (after `job_finished`), rather than the timeout or an error. */
  ended: boolean;
  error: string | null;
};

/**
 * One subscriber of `GET /api/v1/jobs/{id}/events`, read to its end (or `maxMs`), as an EventSource would read it.
 * Receipt is stamped as each event is parsed, so the figure includes the client's own parsing on a shared CPU.
 */
export async function subscribeJobEvents(options: {
  url: string;
  headers: Record<string, string>;
  maxMs: number;
}): Promise<JobSubscription> {
  const events: JobSubscription["events"] = [];
  let openedAt = Date.now();
  let status = 0;
  try {
    const response = await fetch(options.url, {
      headers: { ...options.headers, accept: "text/event-stream" },
      signal: AbortSignal.timeout(options.maxMs),
    });
    openedAt = Date.now();
    status = response.status;
    if (status !== 200) {
      await response.body?.cancel();
      return { openedAt, status, events, ended: false, error: `status ${status}` };
    }
    const read = await readSse(response, (parsed) => {
      for (let i = events.length; i < parsed.length; i++) {
        const data = JSON.parse(parsed[i]!.data) as { seq: number; type: string; at: string };
        events.push({
          seq: data.seq,
          type: data.type,
          storedAt: Date.parse(data.at),
          receivedAt: Date.now(),
        });
      }
      return false;
    });
    return { openedAt, status, events, ended: read.ended, error: null };
  } catch (error) {
    return { openedAt, status, events, ended: false, error: String(error) };
  }
}
