import { AppError } from "@/lib/errors/app-error";
import {
  type RequestFilters,
  type RequestFiltersInput,
  requestFiltersSchema,
} from "./request-filters-schema";

/** Validated filters, or a 400 naming the first filter that is wrong (the URL is the user's input here). */
export function parseRequestFilters(input: RequestFiltersInput | Record<string, unknown>): RequestFilters {
  const parsed = requestFiltersSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".");
  throw new AppError("bad_request", field ? `Filter "${field}": ${issue?.message}` : "Invalid filters.", {
    details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}
