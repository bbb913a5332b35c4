/** The cookie that remembers the theme picked in the header; read by the root layout before the first paint. */
export const THEME_COOKIE = "orbit-theme";

export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

/**
 * The stored choice, or "system" for a missing or unknown value (a cookie is user input). A list lookup rather
 * than a zod schema: this module is also loaded in the browser by the theme picker, which should not pull zod in.
 */
export function parseTheme(value: string | undefined): Theme {
  return themes.find((theme) => theme === value) ?? "system";
}

/** The class <html> carries for a choice: none for "system", so the media query decides. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
