import { Badge } from "@/components/ui/card";
import type { ChatTurn } from "@/lib/chat/chat-turn";

const tones: Record<string, "green" | "red" | "amber" | "gray"> = {
  succeeded: "green",
  failed: "red",
  dead: "red",
  rejected: "red",
  unrouted: "amber",
};

function resultText(result: unknown): string | null {
  const content = (result as { content?: { type?: string; text?: string }[] } | null)?.content;
  if (!Array.isArray(content)) return null;
  const texts = content.filter((part) => part.type === "text" && part.text).map((part) => part.text);
  return texts.length ? texts.join("\n") : null;
}

/** Orbit's side of one exchange: where the message went and what came of it. */
export function ChatTurnView({ turn }: { turn: ChatTurn }) {
  const text = resultText(turn.result);
  return (
    <div className="space-y-2 text-sm" data-testid="chat-turn">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tones[turn.status] ?? "gray"}>{turn.status}</Badge>
        {turn.terminal ? null : <span className="text-xs text-zinc-500">still on its way…</span>}
        {turn.cached ? <Badge tone="indigo">cached</Badge> : null}
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
        {turn.via === "integration" ? (
          <>
            <dt className="text-zinc-500">Route</dt>
            <dd data-testid="chat-route">
              {turn.route ? (turn.route.name ?? "(deleted route)") : "none matched"}
            </dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Tool</dt>
        <dd className="font-mono" data-testid="chat-tool">
          {turn.tool ? `${turn.server ? `${turn.server} / ` : ""}${turn.tool}` : "—"}
        </dd>
        <dt className="text-zinc-500">Latency</dt>
        <dd className="tabular-nums">{turn.latencyMs === null ? "—" : `${turn.latencyMs} ms`}</dd>
        <dt className="text-zinc-500">Attempts</dt>
        <dd className="tabular-nums">{turn.attempts ?? "—"}</dd>
        <dt className="text-zinc-500">Cache</dt>
        <dd>{turn.cached === null ? "—" : turn.cached ? "hit" : "miss"}</dd>
        {turn.deliveryId ? (
          <>
            <dt className="text-zinc-500">Delivery</dt>
            <dd>
              <a
                href={`/deliveries/${turn.deliveryId}`}
                className="font-mono text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {turn.deliveryId.slice(0, 8)}…
              </a>
              {turn.httpStatus ? <span className="ml-2 text-zinc-500">HTTP {turn.httpStatus}</span> : null}
            </dd>
          </>
        ) : null}
        {turn.error ? (
          <>
            <dt className="text-zinc-500">Error</dt>
            <dd className="text-red-700 dark:text-red-300" data-testid="chat-error">
              <span className="font-mono">{turn.error.code}</span> {turn.error.message}
            </dd>
          </>
        ) : null}
      </dl>
      {text ? (
        <pre
          className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800"
          data-testid="chat-result"
        >
          {text}
        </pre>
      ) : null}
      <details>
        <summary className="cursor-pointer text-xs text-zinc-500">Arguments and full result</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">
          {JSON.stringify({ arguments: turn.arguments, result: turn.result }, null, 2)}
        </pre>
      </details>
    </div>
  );
}
