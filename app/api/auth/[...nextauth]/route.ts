import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { assertSignInAllowed, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { errorResponse } from "@/lib/http/error-response";
import { getClientIp } from "@/lib/http/get-client-ip";

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(req: NextRequest, context: Context) {
  return NextAuth(req, context, getAuthOptions());
}

// Credential sign-ins are throttled here, around next-auth, so a limited caller gets a real 429 with Retry-After
// and only failed attempts count against the budget.
export async function POST(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return NextAuth(req, context, getAuthOptions());

  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const ip = getClientIp(req.headers);
  try {
    await assertSignInAllowed({ email, ip });
  } catch (error) {
    return errorResponse(error);
  }
  const response: Response = await NextAuth(req, context, getAuthOptions());
  if (response.status === 401 || response.headers.get("location")?.includes("error=")) {
    await recordSignInFailure({ email, ip });
  }
  return response;
}
