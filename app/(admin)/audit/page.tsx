import type { Metadata } from "next";
import Link from "next/link";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { listAuditFilterOptions } from "@/lib/audit/list-audit-filter-options";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { isAppError } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["actor", "action", "target", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("admin");
  const search = await searchParams;
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  const [result, options] = await Promise.all([
    listAuditEntries({ actor, filters: search, cursor }).catch((error: unknown) => {
      // A hand-edited or stale link: say what is wrong instead of failing the page.
      if (isAppError(error) && error.code === "bad_request") return { error: error.message };
      throw error;
    }),
    listAuditFilterOptions({ actor }),
  ]);
  const header = <PageHeader title="Audit log" description="Who changed what, and when, newest first." />;

  if ("error" in result) {
    return (
      <>
        {header}
        <Card>
          <AuditFiltersForm filters={{}} options={options} />
          <div className="mt-4">
            <Alert>{result.error}</Alert>
          </div>
        </Card>
      </>
    );
  }

  // The raw URL values, so the next page keeps the filters exactly as typed.
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = search[name];
    if (typeof value === "string" && value) query.set(name, value);
  }
  const next = new URLSearchParams(query);
  if (result.nextCursor) next.set("cursor", result.nextCursor);
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card>
          <AuditFiltersForm filters={result.filters} options={options} />
        </Card>
        <Card>
          <AuditTable entries={result.entries} filtered={query.size > 0} />
          <div className="mt-4 flex gap-3">
            {cursor ? (
              <Link href={`/audit${query.size > 0 ? `?${query}` : ""}`} className={buttonClass("ghost")}>
                Back to newest
              </Link>
            ) : null}
            {result.nextCursor ? (
              <Link href={`/audit?${next}`} className={buttonClass("secondary")}>
                Older entries
              </Link>
            ) : null}
          </div>
        </Card>
      </div>
    </>
  );
}
