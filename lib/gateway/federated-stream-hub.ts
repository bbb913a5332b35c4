import { randomUUID } from "node:crypto";
import type { ApiKeyPrincipal } from "@/lib/api-keys/api-key-principal";
import { canUseServer } from "@/lib/api-keys/can-use-server";
import { getEventFanout } from "@/lib/redis/get-event-fanout";
import { LIST_CHANGED_TOPIC, type ListChangedEvent } from "@/lib/servers/publish-list-changed";
import { log } from "@/lib/telemetry/log";
import { federatedEventLog } from "./federated-event-log";
import { listFederatedLinks, loadFederatedLink } from "./federated-session-links";
import { followUpstreamStream } from "./follow-upstream-stream";
import { type FederatedServer, loadFederatedServers } from "./load-federated-servers";
import type { FederatedMcpSession } from "./mcp-session-store";
import { formatSseEvent, type SseEvent } from "./parse-sse-events";
import {
  FEDERATED_SESSION_TOPIC,
  type FederatedSessionEvent,
  publishFederatedSessionEvent,
} from "./publish-federated-session-event";

// After its client left, a stream keeps listening (and keeping what it hears) this long, so the client can resume
// it without losing anything — as long as the event log's window, past which there is nothing to resume anyway.
const LINGER_MS = 5 * 60_000;
// Following an upstream can fail while the instance that held the stream before still holds that upstream's stream
// (an upstream allows one per session); it has let go within about one fan-out poll.
const FOLLOW_RETRY_MS = 2_000;

/** One client connection reading the stream: `write` sends text, `end` closes the response. */
export type FederatedStreamReader = { write(text: string): Promise<void>; end(): void };

type Hub = {
  attach(reader: FederatedStreamReader, lastEventId: string | null): Promise<void>;
  detach(reader: FederatedStreamReader): void;
};

const instanceId = randomUUID();
const globalForHubs = globalThis as typeof globalThis & { orbitFederatedStreamHubs?: Map<string, Hub> };
globalForHubs.orbitFederatedStreamHubs ??= new Map();
const hubs = globalForHubs.orbitFederatedStreamHubs;

/**
 * What a federated session's GET stream carries, gathered on the instance the client's stream is on, and kept in
 * the event log (federatedEventLog) under SSE event ids:
 * - `notifications/{tools,prompts,resources}/list_changed` when a server the key may use changed a list, from any
 *   instance or the worker (LIST_CHANGED_TOPIC);
 * - whatever each upstream the session has opened says on its own stream (log messages, resource updates, its
 *   requests to the client), through federatedMessageHandler. Upstream sessions opened later, on any instance, are
 *   followed as they appear (FEDERATED_SESSION_TOPIC); one that ended is followed again when it is re-opened.
 * One hub per session and instance; its reader is the client's latest GET (each event goes on one stream only). A
 * reader that comes with Last-Event-ID first gets what it missed from the log, then what comes.
 * Without a reader the hub keeps listening for LINGER_MS; a client resuming on another instance makes this one stop
 * (`streamAt`), and the session's end stops it.
 */
export function joinFederatedStream(options: {
  principal: ApiKeyPrincipal;
  session: FederatedMcpSession;
  reader: FederatedStreamReader;
  lastEventId: string | null;
}): () => void {
  const { session, reader } = options;
  let hub = hubs.get(session.id);
  if (!hub) {
    hub = startHub(options.principal, session);
    hubs.set(session.id, hub);
    // Another instance may hold this session's stream from before: it stops, this one takes over.
    void publishFederatedSessionEvent({ sessionId: session.id, streamAt: instanceId });
  }
  // Queued, not awaited: the reader's writes wait for the client to read the response, which is not sent yet.
  void hub.attach(reader, options.lastEventId).catch(() => reader.end());
  const joined = hub;
  return () => joined.detach(reader);
}

function startHub(principal: ApiKeyPrincipal, session: FederatedMcpSession): Hub {
  const closed = new AbortController();
  let reader: FederatedStreamReader | null = null;
  let linger: NodeJS.Timeout | undefined;
  // Readers whose client left, possibly before their turn to attach came.
  const left = new WeakSet<FederatedStreamReader>();
  const startLinger = () => {
    clearTimeout(linger);
    linger = setTimeout(close, LINGER_MS);
    linger.unref();
  };
  // Events and joins one at a time: ids are given in the order events are sent, and a joining reader gets exactly
  // what the log holds before it and everything after it.
  let queue = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    const done = queue.then(work);
    queue = done.catch(() => {});
    return done;
  };
  const emit = (event: SseEvent) =>
    enqueue(async () => {
      if (closed.signal.aborted) return;
      const id = await federatedEventLog.append(session.id, event);
      await reader?.write(formatSseEvent({ ...event, id }));
    }).catch((error) => log.warn("federated stream event lost", { error: String(error) }));

  const followed = new Map<string, { upstreamSessionId: string; stop: AbortController }>();
  let servers: Promise<FederatedServer[]> | null = null;
  // Decisions one at a time, so two announcements of one upstream session do not open two streams to it.
  let decisions = Promise.resolve();
  const follow = (serverId: string, retry = true) => {
    decisions = decisions.then(() => followUpstream(serverId, retry)).catch(() => {});
  };

  async function followUpstream(serverId: string, retry: boolean): Promise<void> {
    if (closed.signal.aborted) return;
    const link = await loadFederatedLink(session.id, serverId);
    if (!link?.upstreamSessionId || followed.get(serverId)?.upstreamSessionId === link.upstreamSessionId)
      return;
    servers ??= loadFederatedServers({ principal });
    let server = (await servers).find((s) => s.serverId === serverId);
    if (!server) {
      servers = loadFederatedServers({ principal });
      server = (await servers).find((s) => s.serverId === serverId);
    }
    if (server?.transport !== "streamable_http") return;
    // A re-opened upstream session replaces the one followed so far.
    followed.get(serverId)?.stop.abort();
    const entry = { upstreamSessionId: link.upstreamSessionId, stop: new AbortController() };
    followed.set(serverId, entry);
    const signal = AbortSignal.any([entry.stop.signal, closed.signal]);
    const following = await followUpstreamStream({ session, server, link, signal, emit });
    if (!following) {
      if (followed.get(serverId) === entry) followed.delete(serverId);
      if (retry) setTimeout(() => follow(serverId, false), FOLLOW_RETRY_MS).unref();
      return;
    }
    // Ended: the next announcement of this server (a re-opened session) follows it again.
    void following.ended.then(() => {
      if (followed.get(serverId) === entry) followed.delete(serverId);
    });
  }

  const fanout = getEventFanout();
  const unsubscribe = [
    fanout.subscribe(LIST_CHANGED_TOPIC, (data) => {
      const change = data as ListChangedEvent;
      if (!canUseServer(principal, change.slug)) return;
      void emit({
        event: "message",
        data: JSON.stringify({ jsonrpc: "2.0", method: `notifications/${change.list}/list_changed` }),
      });
    }),
    fanout.subscribe(FEDERATED_SESSION_TOPIC, (data) => {
      const event = data as FederatedSessionEvent;
      if (event.sessionId !== session.id) return;
      if ("ended" in event) close();
      else if ("streamAt" in event) {
        if (event.streamAt !== instanceId) close();
      } else follow(event.serverId);
    }),
  ];

  function close(): void {
    if (closed.signal.aborted) return;
    closed.abort();
    clearTimeout(linger);
    for (const stop of unsubscribe) stop();
    reader?.end();
    reader = null;
    if (hubs.get(session.id) === hub) hubs.delete(session.id);
  }

  const hub: Hub = {
    attach: (next, lastEventId) =>
      enqueue(async () => {
        clearTimeout(linger);
        if (closed.signal.aborted) {
          next.end();
          return;
        }
        const missed = lastEventId ? await federatedEventLog.after(session.id, lastEventId) : [];
        for (const { id, event } of missed) await next.write(formatSseEvent({ ...event, id }));
        // Then an event with an id and no data (the spec's priming event), so a client that has received nothing
        // yet can still resume from here.
        const newest = missed.at(-1)?.id ?? (await federatedEventLog.newest(session.id));
        await next.write(formatSseEvent({ id: newest, data: "" }));
        if (left.has(next)) {
          if (!reader) startLinger();
          return;
        }
        // The older reader, if any, is left open but hears nothing more: ending it would make an SDK client
        // reconnect it at once and take the stream back, and two readers would pass it to and fro.
        reader = next;
      }),
    detach: (gone) => {
      left.add(gone);
      if (reader !== gone) return;
      reader = null;
      startLinger();
    },
  };

  void listFederatedLinks(session.id)
    .then((links) => {
      for (const link of links) follow(link.serverId);
    })
    .catch(() => {});
  return hub;
}
