import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/ui/parse-theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orbit", template: "%s · Orbit" },
  description: "MCP integration gateway",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read on the server so the HTML arrives with the right class: no flash of the other theme, nothing for
  // hydration to correct.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)} data-theme={theme}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
