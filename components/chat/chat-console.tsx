"use client";

import { useEffect, useRef, useState } from "react";
import {
  callChatToolAction,
  readChatDeliveryAction,
  sendChatMessageAction,
} from "@/app/(admin)/chat/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import type { ChatTurn } from "@/lib/chat/chat-turn";
import type { ChatTargets } from "@/lib/chat/list-chat-targets";
import { argumentTemplate } from "./argument-template";
import { ChatTurnView } from "./chat-turn-view";

type NewEntry =
  | { from: "you"; label: string; text: string }
  | { from: "orbit"; turn: ChatTurn }
  | { from: "error"; text: string };
type Entry = NewEntry & { id: number };

// An async delivery is read back until it is terminal; past this the page stops asking (the delivery page knows more).
const POLL_MS = 1000;
const POLL_LIMIT = 90;

/**
 * Chat testing: a message to an integration (signed and sent through its real webhook endpoint) or a direct call of
 * one tool. The conversation lives in this component only; every message is a server action.
 */
export function ChatConsole({ targets }: { targets: ChatTargets }) {
  const [mode, setMode] = useState<"integration" | "tool">(
    targets.integrations.length ? "integration" : "tool",
  );
  const [integrationId, setIntegrationId] = useState(targets.integrations[0]?.id ?? "");
  const [serverId, setServerId] = useState(targets.servers[0]?.id ?? "");
  const server = targets.servers.find((s) => s.id === serverId);
  const [toolName, setToolName] = useState(server?.tools[0]?.name ?? "");
  const [text, setText] = useState("");
  const [args, setArgs] = useState(argumentTemplate(server?.tools[0]?.inputSchema));
  const [entries, setEntries] = useState<Entry[]>([]);
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (entries.length) bottom.current?.scrollIntoView({ block: "nearest" });
  }, [entries]);

  const add = (entry: NewEntry) => {
    const id = nextId.current++;
    setEntries((list) => [...list, { ...entry, id }]);
    return id;
  };
  const replace = (id: number, turn: ChatTurn) =>
    setEntries((list) => list.map((e) => (e.id === id ? { id, from: "orbit", turn } : e)));

  async function follow(id: number, deliveryId: string) {
    for (let i = 0; i < POLL_LIMIT; i++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const result = await readChatDeliveryAction({ deliveryId });
      if (!result.ok) return;
      replace(id, result.data);
      if (result.data.terminal) return;
    }
  }

  function pickServer(id: string) {
    setServerId(id);
    const first = targets.servers.find((s) => s.id === id)?.tools[0];
    setToolName(first?.name ?? "");
    setArgs(argumentTemplate(first?.inputSchema));
  }

  function pickTool(name: string) {
    setToolName(name);
    setArgs(argumentTemplate(server?.tools.find((t) => t.name === name)?.inputSchema));
  }

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (mode === "integration") {
      const integration = targets.integrations.find((i) => i.id === integrationId);
      if (!integration || !text.trim()) return;
      add({ from: "you", label: `to ${integration.name}`, text });
      setText("");
      setBusy(true);
      const result = await sendChatMessageAction({ integrationId, text });
      setBusy(false);
      if (!result.ok) {
        add({ from: "error", text: result.error.message });
        return;
      }
      const id = add({ from: "orbit", turn: result.data });
      if (!result.data.terminal && result.data.deliveryId) void follow(id, result.data.deliveryId);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(args || "{}");
    } catch {
      add({ from: "error", text: "The arguments are not valid JSON." });
      return;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      add({ from: "error", text: "The arguments must be a JSON object." });
      return;
    }
    add({ from: "you", label: `call ${server?.slug ?? ""} / ${toolName}`, text: JSON.stringify(parsed) });
    setBusy(true);
    const result = await callChatToolAction({ serverId, toolName, args: parsed as Record<string, unknown> });
    setBusy(false);
    if (!result.ok) add({ from: "error", text: result.error.message });
    else add({ from: "orbit", turn: result.data });
  }

  const empty = targets.integrations.length === 0 && targets.servers.length === 0;
  return (
    <div className="space-y-6">
      <Card title="Conversation">
        <div aria-live="polite" className="max-h-[60vh] space-y-3 overflow-y-auto" data-testid="chat-log">
          {entries.length === 0 ? (
            <p className="py-6 text-center text-sm text-zinc-500">
              {empty
                ? "Nothing to talk to yet: add an integration or a server first."
                : "Pick an integration or a tool below and send a message. The conversation stays on this page."}
            </p>
          ) : null}
          {entries.map((entry) =>
            entry.from === "you" ? (
              <div
                key={entry.id}
                className="ml-auto w-fit max-w-[85%] rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white"
              >
                <p className="text-xs text-indigo-200">{entry.label}</p>
                <p className="whitespace-pre-wrap break-words">{entry.text}</p>
              </div>
            ) : entry.from === "error" ? (
              <div key={entry.id} className="max-w-[85%]">
                <Alert>{entry.text}</Alert>
              </div>
            ) : (
              <div
                key={entry.id}
                className="max-w-[85%] rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
              >
                <ChatTurnView turn={entry.turn} />
              </div>
            ),
          )}
          <div ref={bottom} />
        </div>
      </Card>
      <Card title="Send">
        <form onSubmit={send} aria-label="Send a message" className="space-y-3">
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Send to</legend>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="mode"
                checked={mode === "integration"}
                onChange={() => setMode("integration")}
              />
              An integration (as a webhook)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" checked={mode === "tool"} onChange={() => setMode("tool")} />A
              tool directly
            </label>
          </fieldset>
          {mode === "integration" ? (
            <div className="grid gap-3 sm:grid-cols-[minmax(0,16rem)_1fr]">
              <Labelled label="Integration" name="chat-integration">
                <select
                  id="chat-integration"
                  value={integrationId}
                  onChange={(e) => setIntegrationId(e.target.value)}
                  className={inputClass}
                >
                  {targets.integrations.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name} ({i.kind}, {i.mode})
                    </option>
                  ))}
                </select>
              </Labelled>
              <Labelled label="Message" name="chat-text">
                <input
                  id="chat-text"
                  value={text}
                  maxLength={2000}
                  placeholder="Type a message as a contact would"
                  onChange={(e) => setText(e.target.value)}
                  className={inputClass}
                />
              </Labelled>
            </div>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <Labelled label="Server" name="chat-server">
                <select
                  id="chat-server"
                  value={serverId}
                  onChange={(e) => pickServer(e.target.value)}
                  className={inputClass}
                >
                  {targets.servers.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.slug})
                    </option>
                  ))}
                </select>
              </Labelled>
              <Labelled label="Tool" name="chat-tool">
                <select
                  id="chat-tool"
                  value={toolName}
                  onChange={(e) => pickTool(e.target.value)}
                  className={inputClass}
                >
                  {server?.tools.map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </Labelled>
              <div className="sm:col-span-2">
                <Labelled label="Arguments (JSON)" name="chat-args">
                  <textarea
                    id="chat-args"
                    rows={5}
                    value={args}
                    onChange={(e) => setArgs(e.target.value)}
                    className={`${inputClass} font-mono`}
                  />
                </Labelled>
              </div>
            </div>
          )}
          <Button
            type="submit"
            disabled={
              busy || (mode === "integration" ? !integrationId || !text.trim() : !serverId || !toolName)
            }
            data-testid="chat-send"
          >
            {busy ? "Sending…" : "Send"}
          </Button>
        </form>
      </Card>
    </div>
  );
}

function Labelled({ label, name, children }: { label: string; name: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
