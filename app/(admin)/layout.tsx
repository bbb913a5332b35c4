import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { Badge } from "@/components/ui/card";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageActor } from "@/lib/auth/require-page-actor";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-2">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-full bg-indigo-600 text-sm text-white">
              O
            </span>
            Orbit
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            <NavLink href="/">Overview</NavLink>
            <NavLink href="/servers">Servers</NavLink>
            <NavLink href="/tools">Tools</NavLink>
            <NavLink href="/integrations">Integrations</NavLink>
            <NavLink href="/deliveries">Deliveries</NavLink>
            <NavLink href="/requests">Requests</NavLink>
            {actor.role !== "viewer" ? <NavLink href="/chat">Chat</NavLink> : null}
            <NavLink href="/jobs">Jobs</NavLink>
            <NavLink href="/agents">Agents</NavLink>
            <NavLink href="/containers">Containers</NavLink>
            <NavLink href="/logs">Live logs</NavLink>
            <NavLink href="/maintenance">Maintenance</NavLink>
            <NavLink href="/settings">Settings</NavLink>
            {actor.role === "admin" ? <NavLink href="/users">Users</NavLink> : null}
            {actor.role === "admin" ? <NavLink href="/keys">API keys</NavLink> : null}
            {actor.role === "admin" ? <NavLink href="/audit">Audit log</NavLink> : null}
            <NavLink href="/account">Account</NavLink>
          </nav>
          <div className="flex items-center gap-2 text-sm">
            <span className="text-zinc-500" data-testid="current-user">
              {actor.email}
            </span>
            <Badge tone="indigo">{actor.role}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      {actor.mustChangePassword ? (
        <div className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          You are using a temporary password.{" "}
          <Link href="/account" className="underline">
            Choose your own
          </Link>
          .
        </div>
      ) : null}
      <main className="mx-auto max-w-6xl px-4 py-8">
        <ToastProvider>{children}</ToastProvider>
      </main>
    </div>
  );
}
