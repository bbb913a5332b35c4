import type { Metadata } from "next";
import Link from "next/link";
import { RequestFiltersForm } from "@/components/requests/request-filters-form";
import { RequestTable } from "@/components/requests/request-table";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { isAppError } from "@/lib/errors/app-error";
import { listRequestFilterOptions } from "@/lib/requests/list-request-filter-options";
import { listRequests } from "@/lib/requests/list-requests";
import { toRequestSearch } from "@/lib/requests/to-request-search";

export const metadata: Metadata = { title: "Requests" };

type Search = Record<string, string | string[] | undefined>;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  const [result, options] = await Promise.all([
    listRequests({ actor, filters: search, cursor }).catch((error: unknown) => {
      // A hand-edited or stale link: say what is wrong instead of failing the page.
      if (isAppError(error) && error.code === "bad_request") return { error: error.message };
      throw error;
    }),
    listRequestFilterOptions({ actor }),
  ]);

  if ("error" in result) {
    return (
      <>
        <PageHeader
          title="Requests"
          description="Every webhook delivery attempt and tool call, newest first."
        />
        <Card>
          <RequestFiltersForm filters={{}} options={options} />
          <div className="mt-4">
            <Alert>{result.error}</Alert>
          </div>
        </Card>
      </>
    );
  }

  const { filters, requests, nextCursor } = result;
  const query = toRequestSearch(filters);
  const filtered = query.size > 0;
  const exportHref = (format: "csv" | "json") =>
    `/api/v1/requests/export?${toRequestSearch(filters, { format })}`;
  return (
    <>
      <PageHeader
        title="Requests"
        description="Every webhook delivery attempt and tool call, newest first."
        actions={
          <>
            <a href={exportHref("csv")} download className={buttonClass("secondary")}>
              Export CSV
            </a>
            <a href={exportHref("json")} download className={buttonClass("secondary")}>
              Export JSON
            </a>
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <RequestFiltersForm filters={filters} options={options} />
        </Card>
        <Card>
          <RequestTable requests={requests} filtered={filtered} />
          <div className="mt-4 flex gap-3">
            {cursor ? (
              <Link href={`/requests${filtered ? `?${query}` : ""}`} className={buttonClass("ghost")}>
                Back to newest
              </Link>
            ) : null}
            {nextCursor ? (
              <Link
                href={`/requests?${toRequestSearch(filters, { cursor: nextCursor })}`}
                className={buttonClass("secondary")}
              >
                Older requests
              </Link>
            ) : null}
          </div>
        </Card>
      </div>
    </>
  );
}
