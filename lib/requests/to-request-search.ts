import type { RequestFilters } from "./request-filters-schema";

/**
 * Filters back into the query string the history page and the export route both read, so a link carries exactly
 * the set on screen. A relative range wins over from/to, as it does in buildRequestWhere.
 */
export function toRequestSearch(
  filters: RequestFilters,
  extra: Record<string, string | undefined> = {},
): URLSearchParams {
  const search = new URLSearchParams();
  const put = (name: string, value: string | undefined) => {
    if (value) search.set(name, value);
  };
  put("q", filters.q);
  put("status", filters.status);
  put("source", filters.source);
  put("integration", filters.integration);
  put("server", filters.server);
  put("tool", filters.tool);
  put("key", filters.key);
  put("range", filters.range);
  if (!filters.range) {
    put("from", filters.from?.toISOString());
    put("to", filters.to?.toISOString());
  }
  for (const [name, value] of Object.entries(extra)) put(name, value);
  return search;
}
