import { Badge } from "@/components/ui/card";

const tones: Record<string, "green" | "gray" | "red" | "amber" | "indigo"> = {
  succeeded: "green",
  sent: "green",
  failed: "red",
  dead: "red",
  rejected: "red",
  tool_error: "amber",
  retrying: "amber",
  unrouted: "gray",
  skipped: "gray",
};

/** The row's status in the colours the deliveries use; a status this list does not know is grey. */
export function RequestStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "gray"}>{status}</Badge>;
}
