"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";

type Tone = "error" | "success" | "info";
type Toast = { id: number; tone: Tone; text: string };
type ToastApi = { show(text: string, tone?: Tone): void; error(text: string): void };

const ToastContext = createContext<ToastApi | null>(null);

const tones: Record<Tone, string> = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  info: "border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
};

/**
 * Short-lived messages for what a server action did, mostly its errors, in a corner that overlays the page (fixed,
 * so nothing below moves). The live regions exist from the first render, empty, so screen readers announce what is
 * added: errors assertively, the rest politely. A toast stays 8 s (errors until dismissed or 15 s).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (text: string, tone: Tone = "info") => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-4), { id, tone, text }]);
      setTimeout(() => dismiss(id), tone === "error" ? 15_000 : 8_000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ show, error: (text) => show(text, "error") }), [show]);

  const list = (shown: Toast[]) =>
    shown.map((toast) => (
      <div
        key={toast.id}
        data-testid="toast"
        className={`pointer-events-auto flex items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg ${tones[toast.tone]}`}
      >
        <p className="flex-1">{toast.text}</p>
        <button
          type="button"
          onClick={() => dismiss(toast.id)}
          aria-label="Dismiss message"
          className="rounded px-1 leading-none opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          ×
        </button>
      </div>
    ));

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2">
        <div role="alert" aria-live="assertive" className="flex flex-col gap-2">
          {list(toasts.filter((toast) => toast.tone === "error"))}
        </div>
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {list(toasts.filter((toast) => toast.tone !== "error"))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

/** The toasts of the surrounding ToastProvider; outside one (a page rendered alone) it falls back to the console. */
export function useToast(): ToastApi {
  return (
    useContext(ToastContext) ?? {
      show: (text) => console.info(text),
      error: (text) => console.error(text),
    }
  );
}
