import type { RequestTimings } from "@/lib/telemetry/to-request-timings";

type Step = { key: string; label: string; detail?: string; ms: number; tone: string };

/**
 * The measured steps as a waterfall: the steps ran one after another, so each bar starts where the previous one
 * ended. What the steps do not cover (database reads and writes, backoff between attempts) is the last line.
 */
export function RequestStepWaterfall({ timings }: { timings: RequestTimings }) {
  const steps = toSteps(timings);
  const total = Math.max(timings.totalMs, 0.1);
  const covered = steps.reduce((sum, step) => sum + step.ms, 0);
  let offset = 0;
  return (
    <ol className="mt-4 space-y-1.5" aria-label="Steps of this request" data-testid="request-steps">
      {steps.map((step) => {
        const left = (offset / total) * 100;
        offset += step.ms;
        return (
          <li
            key={step.key}
            data-testid="request-step"
            data-step={step.key}
            className="grid grid-cols-[9rem_1fr_5rem] items-center gap-3 text-sm"
          >
            <span className="truncate" title={step.detail}>
              {step.label}
              {step.detail ? <span className="ml-1 text-xs text-zinc-500">{step.detail}</span> : null}
            </span>
            <span className="relative h-2 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
              <span
                className={`absolute top-0 block h-2 rounded ${step.tone}`}
                style={{ left: `${Math.min(left, 99)}%`, width: `${Math.max(1, (step.ms / total) * 100)}%` }}
              />
            </span>
            <span className="text-right tabular-nums">{formatMs(step.ms)}</span>
          </li>
        );
      })}
      <li className="grid grid-cols-[9rem_1fr_5rem] items-center gap-3 text-sm text-zinc-500">
        <span>Other</span>
        <span className="text-xs">database, queue and backoff</span>
        <span className="text-right tabular-nums">{formatMs(Math.max(0, timings.totalMs - covered))}</span>
      </li>
    </ol>
  );
}

function toSteps(timings: RequestTimings): Step[] {
  const steps: Step[] = [];
  const add = (key: string, label: string, ms: number | undefined, tone: string, detail?: string) => {
    if (ms !== undefined) steps.push({ key, label, ms, tone, detail });
  };
  add("verify", "Verify", timings.verifyMs, "bg-sky-500");
  add("route", "Route", timings.routeMs, "bg-violet-500");
  add("map", "Map arguments", timings.mapMs, "bg-fuchsia-500");
  add("cache", "Cache lookup", timings.cacheMs, "bg-amber-500");
  (timings.attempts ?? []).forEach((attempt, index) => {
    const tone = attempt.outcome === "ok" ? "bg-emerald-500" : "bg-red-500";
    add(
      `attempt-${index + 1}`,
      `Attempt ${index + 1}`,
      attempt.ms,
      tone,
      `${attempt.outcome} · ${attempt.replica}`,
    );
  });
  return steps;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
