"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { LIVE_KINDS, LIVE_LEVELS, type LiveEvent } from "@/lib/live/live-event";
import { type LiveFilter, matchesLiveFilter } from "@/lib/live/matches-live-filter";

const KEEP = 1_000;
type Connection = "connecting" | "open" | "reconnecting" | "closed";

const levelTone = { info: "gray", warn: "amber", error: "red" } as const;
const connectionText: Record<Connection, string> = {
  connecting: "Connecting…",
  open: "Live",
  reconnecting: "Reconnecting… (no event is lost)",
  closed: "Disconnected. Reload the page, or sign in again if your session ended.",
};

/**
 * The live log: an EventSource on /api/v1/logs/stream (which resumes from the last id by itself after a drop),
 * client-side filters, pause that buffers with a count, and auto-scroll that gives way when the reader scrolls up.
 */
export function LiveLogViewer({ servers }: { servers: string[] }) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [held, setHeld] = useState<LiveEvent[]>([]);
  const [paused, setPaused] = useState(false);
  const [autoScroll, setAutoScroll] = useState(true);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [filter, setFilter] = useState<LiveFilter>({ kind: "", level: "", server: "", text: "" });
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const source = new EventSource("/api/v1/logs/stream");
    source.onopen = () => setConnection("open");
    source.onerror = () =>
      setConnection(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    source.addEventListener("live", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      if (pausedRef.current) setHeld((all) => [...all, event].slice(-KEEP));
      else setEvents((all) => [...all, event].slice(-KEEP));
    });
    return () => source.close();
  }, []);

  const shown = useMemo(() => events.filter((event) => matchesLiveFilter(event, filter)), [events, filter]);

  useEffect(() => {
    const list = listRef.current;
    if (autoScroll && list && shown.length > 0) list.scrollTop = list.scrollHeight;
  }, [shown, autoScroll]);

  // The ref moves with the click, so an event arriving before the next render lands on the right side.
  function pause() {
    pausedRef.current = true;
    setPaused(true);
  }

  function resume() {
    pausedRef.current = false;
    setEvents((all) => [...all, ...held].slice(-KEEP));
    setHeld([]);
    setPaused(false);
  }

  // Scrolling up to read stops the auto-scroll (the checkbox says so); ticking it again follows the newest.
  function onScroll(event: React.UIEvent<HTMLDivElement>) {
    const list = event.currentTarget;
    if (autoScroll && list.scrollHeight - list.scrollTop - list.clientHeight > 40) setAutoScroll(false);
  }

  const set = (key: keyof LiveFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));

  return (
    <div className="space-y-4">
      <form
        aria-label="Live log filters"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => event.preventDefault()}
      >
        <Choice label="Kind" value={filter.kind} options={LIVE_KINDS} onChange={set("kind")} />
        <Choice label="Level" value={filter.level} options={LIVE_LEVELS} onChange={set("level")} />
        <Choice label="Server" value={filter.server} options={servers} onChange={set("server")} />
        <div className="space-y-1 lg:col-span-2">
          <label htmlFor="live-text" className="block text-sm font-medium">
            Text
          </label>
          <input
            id="live-text"
            type="search"
            value={filter.text}
            placeholder="Request id, tool, message…"
            onChange={(event) => set("text")(event.target.value)}
            className={inputClass}
          />
        </div>
      </form>

      <div className="flex flex-wrap items-center gap-3">
        {paused ? (
          <Button onClick={resume}>Resume ({held.length} new)</Button>
        ) : (
          <Button variant="secondary" onClick={pause}>
            Pause
          </Button>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={autoScroll}
            onChange={(event) => setAutoScroll(event.target.checked)}
            className="h-4 w-4 accent-indigo-600"
          />
          Auto-scroll
        </label>
        <Button variant="ghost" onClick={() => setEvents([])}>
          Clear
        </Button>
        <p
          role="status"
          data-testid="live-connection"
          className="ml-auto text-sm text-zinc-600 dark:text-zinc-400"
        >
          {connectionText[connection]} · {shown.length} of {events.length} shown
          {paused ? ` · paused, ${held.length} waiting` : ""}
        </p>
      </div>

      {/* Focusable so keyboard users can scroll it; fixed height so arriving events never move the page. */}
      <div
        ref={listRef}
        onScroll={onScroll}
        role="log"
        aria-label="Live events"
        // Announcing every event would drown a screen reader; the counts above say what changed.
        aria-live="off"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
        tabIndex={0}
        className="h-[32rem] overflow-y-auto rounded-md border border-zinc-200 bg-white font-mono text-xs focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <ul>
          {shown.length === 0 ? (
            <li className="p-6 text-center font-sans text-sm text-zinc-600 dark:text-zinc-400">
              {events.length === 0 ? "Waiting for events…" : "No event matches these filters."}
            </li>
          ) : (
            shown.map((event) => (
              <li
                key={event.id}
                data-testid="live-event"
                className="flex gap-3 border-b border-zinc-100 px-3 py-1.5 last:border-0 dark:border-zinc-800"
              >
                <time dateTime={event.at} className="shrink-0 text-zinc-600 dark:text-zinc-400">
                  {event.at.slice(11, 23)}
                </time>
                <span className="w-20 shrink-0">
                  <Badge tone={levelTone[event.level]}>{event.level}</Badge>
                </span>
                <span className="w-20 shrink-0 text-zinc-700 dark:text-zinc-300">{event.kind}</span>
                <span className="break-all">{event.message}</span>
              </li>
            ))
          )}
        </ul>
      </div>
    </div>
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange(value: string): void;
}) {
  const id = `live-${label.toLowerCase()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={inputClass}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
