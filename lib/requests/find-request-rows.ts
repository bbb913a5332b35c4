import type { Prisma } from "@/lib/db/generated/client";
import { getPrisma } from "@/lib/db/get-prisma";

// Everything but the bodies: up to 8 KiB a row that a list never shows.
const listColumns = {
  id: true,
  createdAt: true,
  requestId: true,
  source: true,
  status: true,
  errorCode: true,
  integrationId: true,
  deliveryId: true,
  routeId: true,
  serverId: true,
  serverSlug: true,
  tool: true,
  apiKeyId: true,
  latencyMs: true,
  attempts: true,
  cached: true,
} as const satisfies Prisma.RequestLogSelect;

export type RequestRow = Prisma.RequestLogGetPayload<{ select: typeof listColumns }>;
// Timings ride with the bodies: only a detail view and an export read them.
export type RequestRowWithBodies = RequestRow & {
  requestBody: string | null;
  responseBody: string | null;
  timings: Prisma.JsonValue | null;
};

/** One keyset page, newest first; `take` rows at most. The caller builds `where` with buildRequestWhere. */
export function findRequestRows(where: Prisma.RequestLogWhereInput, take: number): Promise<RequestRow[]>;
export function findRequestRows(
  where: Prisma.RequestLogWhereInput,
  take: number,
  withBodies: true,
): Promise<RequestRowWithBodies[]>;
export function findRequestRows(
  where: Prisma.RequestLogWhereInput,
  take: number,
  withBodies = false,
): Promise<RequestRow[]> {
  return getPrisma().requestLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: withBodies
      ? { ...listColumns, requestBody: true, responseBody: true, timings: true }
      : listColumns,
  });
}
