"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible, so health changes the worker
 * records show up without a reload. router.refresh() keeps client state (open forms, scroll) and swaps only what
 * changed; renders nothing itself.
 */
export function LiveRefresh({ intervalMs = 5_000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
