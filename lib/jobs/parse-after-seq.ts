import { AppError } from "@/lib/errors/app-error";

/** Where a job stream resumes: Last-Event-ID (what EventSource sends on reconnect) wins over `?after=`; 0 = start. */
export function parseAfterSeq(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  if (raw === null || raw === "") return 0;
  if (!/^\d{1,9}$/.test(raw))
    throw new AppError("bad_request", "Last-Event-ID / after must be an event number.");
  return Number(raw);
}
