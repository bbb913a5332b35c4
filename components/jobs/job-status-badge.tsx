import { Badge } from "@/components/ui/card";

const tones = {
  queued: "gray",
  running: "indigo",
  succeeded: "green",
  failed: "red",
  cancelled: "amber",
  timed_out: "red",
} as const;

export function JobStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status as keyof typeof tones] ?? "gray"}>{status.replace("_", " ")}</Badge>;
}
