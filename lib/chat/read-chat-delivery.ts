import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { flushRequestLog } from "@/lib/telemetry/record-request";
import type { ChatTurn } from "./chat-turn";

const TERMINAL = new Set(["succeeded", "failed", "dead", "unrouted", "rejected"]);

/**
 * A delivery the chat sent, read back from what the pipeline recorded: the delivery row (status, route, result,
 * error) and its latest request-log row (server, tool, arguments as logged — redacted —, latency, attempts, cache).
 */
export async function readChatDelivery(options: { actor: Actor; deliveryId: string }): Promise<ChatTurn> {
  assertRole(options.actor, "operator");
  // Rows this process queued (a sync delivery handled here) are written before they are read.
  await flushRequestLog();
  const prisma = getPrisma();
  const delivery = await prisma.delivery.findUnique({ where: { id: options.deliveryId } });
  if (!delivery) throw new AppError("not_found", "No such delivery.");
  const [route, row] = await Promise.all([
    delivery.routeId
      ? prisma.integrationRoute.findUnique({
          where: { id: delivery.routeId },
          select: { name: true, toolName: true },
        })
      : null,
    prisma.requestLog.findFirst({
      where: { deliveryId: delivery.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  const terminal = TERMINAL.has(delivery.status);
  return {
    via: "integration",
    status: delivery.status,
    terminal,
    deliveryId: delivery.id,
    httpStatus: null,
    route: delivery.routeId ? { id: delivery.routeId, name: route?.name ?? null } : null,
    server: row?.serverSlug ?? null,
    tool: row?.tool ?? route?.toolName ?? null,
    arguments: parseLogged(row?.requestBody),
    result: delivery.result ?? null,
    error: delivery.errorCode
      ? { code: delivery.errorCode, message: delivery.errorMessage ?? delivery.errorCode }
      : null,
    latencyMs: row?.latencyMs ?? null,
    attempts: row ? row.attempts : null,
    cached: row ? row.cached : null,
  };
}

// The log keeps bodies as (possibly cut) JSON text; shown parsed when whole, as text otherwise.
function parseLogged(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
