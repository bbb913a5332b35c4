import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";

/** The actions and target types the audit log holds, for the page's filter choices (a short, bounded list). */
export async function listAuditFilterOptions(options: {
  actor: Actor;
}): Promise<{ actions: string[]; targetTypes: string[] }> {
  assertRole(options.actor, "admin");
  const prisma = getPrisma();
  const [actions, targets] = await Promise.all([
    prisma.auditLog.findMany({
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
      take: 200,
    }),
    prisma.auditLog.findMany({
      distinct: ["targetType"],
      select: { targetType: true },
      where: { targetType: { not: null } },
      orderBy: { targetType: "asc" },
      take: 100,
    }),
  ]);
  return {
    actions: actions.map((row) => row.action),
    targetTypes: targets.flatMap((row) => (row.targetType ? [row.targetType] : [])),
  };
}
