import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/require-page-actor";

/**
 * The role is checked here, above the page's loading skeleton (loading.tsx): otherwise a non-admin is sent the
 * skeleton, titled "Audit log", before the page's own check redirects them to /forbidden.
 */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  await requirePageActor("admin");
  return children;
}
