import { formatTime } from "@/components/deliveries/format-time";
import { Badge } from "@/components/ui/card";
import type { ContainerEventView } from "@/lib/docker/list-containers";

const levelTone = { info: "gray", warn: "amber", error: "red" } as const;

/** A container's history, newest first: when, who (engine, healer, operator), what. */
export function ContainerEventList({ events, empty }: { events: ContainerEventView[]; empty: string }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">{empty}</p>;
  return (
    <ol className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
      {events.map((event) => (
        <li
          key={event.id}
          className="flex flex-wrap items-baseline gap-2 py-2"
          data-testid={`event-${event.kind}`}
        >
          <span className="w-44 shrink-0 tabular-nums text-xs text-zinc-500">{formatTime(event.at)}</span>
          <Badge tone={levelTone[event.level as keyof typeof levelTone] ?? "gray"}>
            {event.kind.replaceAll("_", " ")}
          </Badge>
          <span className="text-xs text-zinc-500">{event.source}</span>
          {event.message ? <span className="min-w-0 flex-1">{event.message}</span> : null}
        </li>
      ))}
    </ol>
  );
}
