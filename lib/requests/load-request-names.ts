import { getPrisma } from "@/lib/db/get-prisma";

export type RequestNames = { integrations: Map<string, string>; apiKeys: Map<string, string> };

/**
 * Integration and API-key names for a page of rows. The log keeps plain ids (rows outlive what they name), so a
 * name is looked up per page, by primary key, for the few distinct ids the page holds.
 */
export async function loadRequestNames(
  rows: { integrationId: string | null; apiKeyId: string | null }[],
): Promise<RequestNames> {
  const ids = (key: "integrationId" | "apiKeyId") => [
    ...new Set(rows.map((row) => row[key]).filter((id): id is string => id !== null)),
  ];
  const integrationIds = ids("integrationId");
  const apiKeyIds = ids("apiKeyId");
  const prisma = getPrisma();
  const [integrations, apiKeys] = await Promise.all([
    integrationIds.length
      ? prisma.integration.findMany({
          where: { id: { in: integrationIds } },
          select: { id: true, name: true },
        })
      : [],
    apiKeyIds.length
      ? prisma.apiKey.findMany({ where: { id: { in: apiKeyIds } }, select: { id: true, name: true } })
      : [],
  ]);
  return {
    integrations: new Map(integrations.map((i) => [i.id, i.name])),
    apiKeys: new Map(apiKeys.map((k) => [k.id, k.name])),
  };
}
