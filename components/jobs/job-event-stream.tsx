"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/card";
import type { JobEvent } from "@/lib/jobs/job-event-types";
import { jobEventTypes } from "@/lib/jobs/job-event-types";

const tone = {
  job_started: "indigo",
  status_update: "gray",
  tool_call: "gray",
  tool_result: "green",
  text_delta: "gray",
  result: "green",
  error: "red",
  job_finished: "indigo",
} as const;

/**
 * The job's events as they happen, from its SSE stream. EventSource resumes from the last id on its own when the
 * connection drops; the stream ends after `job_finished`, and then the source is closed (left open, it would
 * reconnect to a finished stream forever) and the page refreshed for the final status.
 */
export function JobEventStream({ jobId }: { jobId: string }) {
  const router = useRouter();
  const [events, setEvents] = useState<JobEvent[]>([]);
  const [state, setState] = useState<"connecting" | "live" | "reconnecting" | "finished">("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/v1/jobs/${jobId}/events`);
    const onEvent = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as JobEvent;
      // By seq, so a reconnect can never show one twice.
      setEvents((current) => (current.some((e) => e.seq === event.seq) ? current : [...current, event]));
      if (event.type === "job_finished") {
        source.close();
        setState("finished");
        router.refresh();
      }
    };
    for (const type of jobEventTypes) source.addEventListener(type, onEvent);
    source.onopen = () => setState((s) => (s === "finished" ? s : "live"));
    source.onerror = () => setState((s) => (s === "finished" ? s : "reconnecting"));
    return () => source.close();
  }, [jobId, router]);

  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500" data-testid="stream-state">
        Stream: {state}
      </p>
      {events.length === 0 ? (
        <p className="py-6 text-center text-sm text-zinc-500">Waiting for the first event…</p>
      ) : (
        <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Job events">
          {events.map((event) => (
            <li key={event.seq} className="flex gap-3 py-2" data-testid={`job-event-${event.type}`}>
              <span className="w-8 shrink-0 text-right font-mono text-xs text-zinc-500">{event.seq}</span>
              <span className="w-28 shrink-0">
                <Badge tone={tone[event.type] ?? "gray"}>{event.type}</Badge>
              </span>
              <span className="min-w-0 break-words font-mono text-xs">{summarize(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function summarize(event: JobEvent): string {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case "tool_call":
      return `${d.step}: ${d.server}/${d.tool} ${JSON.stringify(d.arguments)}${Number(d.attempt) > 1 ? ` (attempt ${d.attempt})` : ""}`;
    case "tool_result":
      return d.error ? `${d.step}: ${JSON.stringify(d.error)}` : `${d.step}: ${String(d.text ?? "")}`;
    case "status_update":
      return String(d.message ?? "");
    case "error":
      return `${d.code}: ${d.message}`;
    default:
      return JSON.stringify(d);
  }
}
