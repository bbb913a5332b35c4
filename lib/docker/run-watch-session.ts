import { getPrisma } from "@/lib/db/get-prisma";
import { sleep } from "@/lib/resilience/sleep";
import { withTimeout } from "@/lib/resilience/with-timeout";
import type { EngineInfo } from "./describe-engine";
import { handleEngineEvent } from "./handle-engine-event";
import { holdWatcherLease } from "./hold-watcher-lease";
import { readEngineEvents } from "./read-engine-events";
import { runEngineHealthchecks } from "./run-engine-healthchecks";
import { runHealPass } from "./run-heal-pass";
import { runServerHealPass } from "./run-server-heal-pass";
import { syncContainers } from "./sync-containers";
import { updateWatcherStatus } from "./update-watcher-status";
import type { WatcherContext } from "./watcher-context";

export type WatchSessionOptions = {
  engine: EngineInfo;
  watcherId: string;
  dockerHost: string;
  /** Run Podman's health checks (see runEngineHealthchecks). */
  healthchecks: boolean;
  leaseTtlMs: number;
  healPollMs: number;
  serverPollMs: number;
  serverGraceMs: number;
  log: (line: string) => void;
};

const OPEN_TIMEOUT_MS = 10_000;

/**
 * One connection to the engine, while this worker holds the lease: opens the events stream (from the stored cursor,
 * so what happened while nobody watched is replayed), syncs every container, then applies events one at a time
 * while the heal pass, the server-health pass and (on Podman) the health-check runner work alongside. Ends when the
 * stream does (the engine stopped or restarted), when the lease is lost, or when the watcher stops; resolves with why.
 */
export async function runWatchSession(
  context: WatcherContext,
  options: WatchSessionOptions,
): Promise<string> {
  const { watcherId } = options;
  const holder = context.workerId;
  const session = new AbortController();
  let reason = "the watcher is stopping";
  const end = (why: string) => {
    if (session.signal.aborted) return;
    reason = why;
    session.abort();
  };
  const onStop = () => end("the watcher is stopping");

  const stored = await getPrisma().containerWatcher.findUnique({
    where: { id: watcherId },
    select: { lastEventNano: true },
  });
  let cursor = stored?.lastEventNano ? BigInt(stored.lastEventNano) : null;
  let savedCursor = cursor;
  const stream = (await withTimeout(
    context.docker.getEvents({
      // The engine takes fractional seconds; the cursor keeps nanoseconds so nothing is applied twice.
      ...(cursor !== null ? { since: toSince(cursor) as unknown as number } : {}),
      filters: { type: ["container"] },
    }),
    OPEN_TIMEOUT_MS,
    () => new Error(`the engine did not open its events stream within ${OPEN_TIMEOUT_MS / 1000} s`),
  )) as NodeJS.ReadableStream & { destroy(): void };
  session.signal.addEventListener("abort", () => stream.destroy(), { once: true });
  // Only from here, where the finally below removes it again: added before the stream opened, every failed
  // reconnect to an absent engine left one listener on the worker's stop signal (Node's leak warning after 10).
  context.signal.addEventListener("abort", onStop, { once: true });
  if (context.signal.aborted) onStop();

  const loops: Promise<void>[] = [];
  let eventFailures = 0;
  try {
    await updateWatcherStatus(watcherId, holder, {
      connected: true,
      engine: options.engine.label,
      dockerHost: options.dockerHost,
      lastError: null,
      connectedAt: new Date(),
    });
    const synced = await syncContainers(context);
    options.log(
      `container watcher following ${options.engine.label} at ${options.dockerHost}: ${synced.containers} containers` +
        (cursor !== null ? ", replaying events since the last one handled" : ""),
    );

    const every = (name: string, ms: number, work: () => Promise<unknown>) => {
      loops.push(
        (async () => {
          let failures = 0;
          while (!session.signal.aborted) {
            try {
              await work();
              failures = 0;
            } catch (error) {
              if (++failures === 1 || failures % 50 === 0) {
                context.logLine(
                  JSON.stringify({
                    level: "warn",
                    msg: `container ${name} failed`,
                    failures,
                    error: String(error),
                  }),
                );
              }
            }
            await sleep(ms, session.signal);
          }
        })(),
      );
    };
    every("watcher lease", options.leaseTtlMs / 3, async () => {
      if (!(await holdWatcherLease({ watcherId, holder, ttlMs: options.leaseTtlMs })))
        end("another worker took the lease");
    });
    every("heal pass", options.healPollMs, () => runHealPass(context));
    every("server-health pass", options.serverPollMs, () =>
      runServerHealPass(context, { graceMs: options.serverGraceMs }),
    );
    every("event cursor", 1_000, async () => {
      if (cursor === savedCursor || cursor === null) return;
      const next = cursor;
      await updateWatcherStatus(watcherId, holder, { lastEventNano: next.toString() });
      savedCursor = next;
    });
    if (options.healthchecks && options.engine.libpodApiVersion) {
      loops.push(runEngineHealthchecks(context, options.engine.libpodApiVersion, session.signal));
    }

    for await (const event of readEngineEvents(stream as AsyncIterable<Buffer>)) {
      if (session.signal.aborted) break;
      if (cursor !== null && event.timeNano <= cursor) continue;
      try {
        await handleEngineEvent(context, event);
      } catch (error) {
        // One event that cannot be applied (the database is away) must not wedge the stream; the next sync puts the
        // stored state right again.
        if (++eventFailures === 1 || eventFailures % 50 === 0) {
          context.logLine(
            JSON.stringify({
              level: "warn",
              msg: "container event not applied",
              kind: event.kind,
              failures: eventFailures,
              error: String(error),
            }),
          );
        }
      }
      cursor = event.timeNano;
    }
    end("the engine closed its events stream");
  } catch (error) {
    end(`the engine connection failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    session.abort();
    context.signal.removeEventListener("abort", onStop);
    await Promise.allSettled(loops);
    await updateWatcherStatus(watcherId, holder, {
      connected: false,
      lastError: context.signal.aborted ? null : reason,
      ...(cursor !== null ? { lastEventNano: cursor.toString() } : {}),
    }).catch(() => undefined);
  }
  return reason;
}

function toSince(nano: bigint): string {
  return `${nano / 1_000_000_000n}.${(nano % 1_000_000_000n).toString().padStart(9, "0")}`;
}
