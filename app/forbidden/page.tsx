import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export default function ForbiddenPage() {
  return (
    <AuthShell title="Not allowed" subtitle="Your role does not include this page.">
      <Link href="/" className="text-sm text-indigo-600 underline">
        Back to Orbit
      </Link>
    </AuthShell>
  );
}
