"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { ThemePicker } from "@/components/layout/theme-picker";
import { Badge } from "@/components/ui/card";
import type { Theme } from "@/lib/ui/parse-theme";

export type ShellNavItem = { href: string; label: string };

/**
 * The frame of every signed-in page: a skip link, the header, the main navigation and the page. On a wide screen
 * (1280 px and up) the navigation is a sidebar; below that it sits behind a Menu button, so a tablet in either
 * orientation gets the whole width for the page. The open menu closes on Escape (focus back on the button) and
 * when a link in it is followed.
 */
export function AdminShell({
  nav,
  email,
  role,
  theme,
  banner,
  children,
}: {
  nav: ShellNavItem[];
  email: string;
  role: string;
  theme: Theme;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // A followed link closes the menu: the new page should not open under it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, which pathname stands for
  useEffect(() => setOpen(false), [pathname]);

  // Escape closes the open menu from anywhere on the page and puts focus back on the button that opened it.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2">
          <button
            ref={menuButton}
            type="button"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((was) => !was)}
            className="inline-flex items-center gap-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 xl:hidden dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
            Menu
          </button>
          <Link href="/" className="flex items-center gap-2 rounded-md font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-full bg-indigo-600 text-sm text-white">
              O
            </span>
            Orbit
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <span
              className="hidden max-w-56 truncate text-zinc-500 sm:block"
              title={email}
              data-testid="current-user"
            >
              {email}
            </span>
            <Badge tone="indigo">{role}</Badge>
            <ThemePicker initial={theme} />
            <SignOutButton />
          </div>
        </div>
      </header>
      {banner}
      <div className="mx-auto flex max-w-7xl flex-col xl:flex-row">
        <nav
          id="main-nav"
          aria-label="Main"
          className={`${open ? "block" : "hidden"} border-b border-zinc-200 bg-white px-4 py-3 xl:block xl:w-52 xl:shrink-0 xl:border-b-0 xl:bg-transparent xl:py-8 dark:border-zinc-800 dark:bg-zinc-900 xl:dark:bg-transparent`}
        >
          <ul className="grid grid-cols-2 gap-1 sm:grid-cols-3 md:grid-cols-4 xl:grid-cols-1">
            {nav.map((item) => (
              <li key={item.href} className="flex">
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
