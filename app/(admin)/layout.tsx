import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminShell, type ShellNavItem } from "@/components/layout/admin-shell";
import { ConfirmProvider } from "@/components/ui/confirm-dialog";
import { ToastProvider } from "@/components/ui/toast";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { type Role, roleAtLeast } from "@/lib/auth/roles";
import { parseTheme, THEME_COOKIE } from "@/lib/ui/parse-theme";

// Every page of the admin UI with the least role that may open it; a link is shown only to those it would not send
// to /forbidden (the pages check again: requirePageActor).
const NAV: (ShellNavItem & { role: Role })[] = [
  { href: "/", label: "Overview", role: "viewer" },
  { href: "/servers", label: "Servers", role: "viewer" },
  { href: "/tools", label: "Tools", role: "viewer" },
  { href: "/integrations", label: "Integrations", role: "viewer" },
  { href: "/deliveries", label: "Deliveries", role: "viewer" },
  { href: "/requests", label: "Requests", role: "viewer" },
  { href: "/chat", label: "Chat", role: "operator" },
  { href: "/jobs", label: "Jobs", role: "viewer" },
  { href: "/playbooks", label: "Playbooks", role: "viewer" },
  { href: "/agents", label: "Agents", role: "viewer" },
  { href: "/containers", label: "Containers", role: "viewer" },
  { href: "/logs", label: "Live logs", role: "viewer" },
  { href: "/maintenance", label: "Maintenance", role: "viewer" },
  { href: "/settings", label: "Settings", role: "viewer" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/keys", label: "API keys", role: "admin" },
  { href: "/audit", label: "Audit log", role: "admin" },
  { href: "/account", label: "Account", role: "viewer" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AdminShell
      nav={NAV.filter((item) => roleAtLeast(actor.role, item.role)).map(({ href, label }) => ({
        href,
        label,
      }))}
      email={actor.email}
      role={actor.role}
      theme={theme}
      banner={
        actor.mustChangePassword ? (
          <div className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
            You are using a temporary password.{" "}
            <Link href="/account" className="underline">
              Choose your own
            </Link>
            .
          </div>
        ) : null
      }
    >
      <ToastProvider>
        <ConfirmProvider>{children}</ConfirmProvider>
      </ToastProvider>
    </AdminShell>
  );
}
