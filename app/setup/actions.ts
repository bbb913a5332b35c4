"use server";

import { headers } from "next/headers";
import { toAppError } from "@/lib/http/error-response";
import { getClientIp } from "@/lib/http/get-client-ip";
import { completeSetup } from "@/lib/users/complete-setup";

// The one action without a session: it can only ever create the first admin. completeSetup refuses under a lock
// once any user exists, which is the authorization.
export async function completeSetupAction(input: {
  email: string;
  name?: string;
  password: string;
}): Promise<{ ok: true } | { ok: false; message: string; fields?: Record<string, string> }> {
  try {
    await completeSetup({ input, ip: getClientIp(await headers()) });
    return { ok: true };
  } catch (error) {
    const appError = toAppError(error);
    const issues = (appError.details?.issues ?? []) as { path: string; message: string }[];
    return {
      ok: false,
      message: appError.code === "internal" ? "Setup failed; check the server log." : appError.message,
      fields: Object.fromEntries(issues.map((i) => [i.path, i.message])),
    };
  }
}
