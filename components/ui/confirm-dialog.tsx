"use client";

import { createContext, type ReactNode, useCallback, useContext, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export type ConfirmOptions = {
  title: string;
  message: ReactNode;
  /** The confirming button's label, a verb: "Delete", "Revoke". */
  confirmLabel: string;
  /** "danger" for what cannot be undone (the default), "primary" otherwise. */
  tone?: "danger" | "primary";
};

type Ask = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Ask | null>(null);

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The one confirmation every destructive action asks, as a modal <dialog>: the page behind is inert, Tab and
 * Shift+Tab stay inside it, Cancel comes first and so has focus (Enter does not destroy anything by accident), Escape cancels,
 * and focus returns to the control that asked. A component calls `await confirm({...})` where it used
 * window.confirm, which browsers style as they like and some embedders suppress.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<{ resolve: (ok: boolean) => void; returnTo: HTMLElement | null } | null>(null);
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const titleId = useId();
  const messageId = useId();

  const ask = useCallback<Ask>((next) => {
    pending.current?.resolve(false);
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOptions(next);
    // Opened after React has rendered the new text, so the dialog is announced with it.
    requestAnimationFrame(() => {
      if (!dialog.current?.open) dialog.current?.showModal();
    });
    return new Promise<boolean>((resolve) => {
      pending.current = { resolve, returnTo };
    });
  }, []);

  function finish(ok: boolean) {
    const current = pending.current;
    pending.current = null;
    if (dialog.current?.open) dialog.current.close();
    current?.resolve(ok);
    current?.returnTo?.focus();
  }

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={messageId}
        data-testid="confirm-dialog"
        // Escape: the browser fires "cancel" and would close the dialog itself; close it here so focus returns.
        onCancel={(event) => {
          event.preventDefault();
          finish(false);
        }}
        // Closed some other way (a browser that ignores preventDefault on a repeated Escape): still an answer.
        onClose={() => {
          if (pending.current) finish(false);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Tab" || !dialog.current) return;
          const inside = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
          const first = inside[0];
          const last = inside[inside.length - 1];
          if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last?.focus();
          } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first?.focus();
          }
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {options ? (
          <div className="space-y-4 p-5">
            <h2 id={titleId} className="text-base font-semibold">
              {options.title}
            </h2>
            <div id={messageId} className="text-sm text-zinc-600 dark:text-zinc-300">
              {options.message}
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => finish(false)}>
                Cancel
              </Button>
              <Button variant={options.tone ?? "danger"} onClick={() => finish(true)}>
                {options.confirmLabel}
              </Button>
            </div>
          </div>
        ) : null}
      </dialog>
    </ConfirmContext.Provider>
  );
}

/** Asks for confirmation; resolves true only when the user confirmed. Outside a provider it falls back to the
 * browser's own confirm, so a component rendered alone still asks. */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  return ask ?? (async (options) => window.confirm(`${options.title}\n\n${String(options.message)}`));
}
