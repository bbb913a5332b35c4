"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Re-renders the overview's server components every `intervalMs` while the tab is visible, until paused.
 * router.refresh() swaps the new numbers in place (no remount, no skeleton), so nothing jumps. Shows when the shown
 * numbers were computed; its own width never changes.
 */
export function AutoRefresh({
  generatedAt,
  intervalMs = 10_000,
}: {
  generatedAt: number;
  intervalMs?: number;
}) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, paused]);
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-500">
      <span className="tabular-nums" data-testid="overview-updated">
        Updated {new Date(generatedAt).toISOString().slice(11, 19)} UTC
      </span>
      <Button
        variant="secondary"
        className="w-44 whitespace-nowrap"
        onClick={() => setPaused((value) => !value)}
      >
        {paused ? "Resume auto-refresh" : "Pause auto-refresh"}
      </Button>
    </div>
  );
}
