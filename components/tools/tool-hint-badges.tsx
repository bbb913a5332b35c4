import { Badge } from "@/components/ui/card";

// The hints MCP defines; read-only and idempotent decide retries and caching.
const hints: [key: string, label: string, tone: "green" | "red" | "amber" | "indigo"][] = [
  ["readOnlyHint", "read-only", "green"],
  ["destructiveHint", "destructive", "red"],
  ["idempotentHint", "idempotent", "indigo"],
  ["openWorldHint", "open world", "amber"],
];

export const hintLabels: Record<string, string> = Object.fromEntries(
  hints.map(([key, label]) => [key, label]),
);

export function ToolHintBadges({ annotations }: { annotations: Record<string, unknown> | null }) {
  return (
    <>
      {hints
        .filter(([key]) => annotations?.[key] === true)
        .map(([key, label, tone]) => (
          <Badge key={key} tone={tone}>
            {label}
          </Badge>
        ))}
    </>
  );
}
