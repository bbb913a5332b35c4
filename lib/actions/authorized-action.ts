import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import { getActor, type UserActor } from "@/lib/auth/get-actor";
import { type Role, roleAtLeast } from "@/lib/auth/roles";
import type { ErrorCode } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/http/error-response";
import { getClientIp } from "@/lib/http/get-client-ip";
import { log } from "@/lib/telemetry/log";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: ErrorCode; message: string; fields?: Record<string, string> };
      requestId: string;
    };

type Context = { actor: UserActor; ip: string };

/**
 * Every server action is built from this: it checks the session and the role before the input is even parsed,
 * validates the input with zod, and turns any failure into a result the form can show. A "use server" file exports
 * only actions made here, so no action can forget authorization.
 */
export function authorizedAction<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  run: (input: z.output<S>, context: Context) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const requestId = randomUUID();
    try {
      const actor = await getActor();
      if (!actor) return failure("unauthenticated", "Your session has ended; sign in again.", requestId);
      if (!roleAtLeast(actor.role, role)) {
        return failure("forbidden", `This needs the ${role} role; you are ${actor.role}.`, requestId);
      }
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[issue.path.join(".")] ??= issue.message;
        return {
          ok: false,
          error: { code: "unprocessable", message: "Check the highlighted fields.", fields },
          requestId,
        };
      }
      const ip = getClientIp(await headers());
      return { ok: true, data: await run(parsed.data, { actor, ip }) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "internal") {
        log.error("action failed", { requestId, error });
      }
      const fields = appError.code === "unprocessable" ? issuesToFields(appError.details) : undefined;
      return { ok: false, error: { code: appError.code, message: appError.message, fields }, requestId };
    }
  };
}

function failure(code: ErrorCode, message: string, requestId: string): ActionResult<never> {
  return { ok: false, error: { code, message }, requestId };
}

function issuesToFields(details: Record<string, unknown> | undefined): Record<string, string> | undefined {
  const issues = details?.issues as { path: string; message: string }[] | undefined;
  if (!issues) return undefined;
  return Object.fromEntries(issues.map((i) => [i.path, i.message]));
}
