"use client";

import { useId, useState } from "react";
import { THEME_COOKIE, type Theme, themeClass, themes } from "@/lib/ui/parse-theme";

const labels: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * System, Light or Dark. The choice applies at once (a class on <html>) and is kept in a cookie for a year, which
 * the root layout reads on the next request so a reload paints in the chosen theme from the first byte.
 */
export function ThemePicker({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const id = useId();

  function choose(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    const cls = themeClass(next);
    if (cls) root.classList.add(cls);
    root.dataset.theme = next;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server on the next request
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-zinc-500">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {themes.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
