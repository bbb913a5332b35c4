import { type NextRequest, NextResponse } from "next/server";

// A coarse gate only: visitors without a session cookie go to /login before any admin page renders. Whether the
// session is valid, and what its user may do, is decided by every page, action and route handler itself.

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function middleware(req: NextRequest) {
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", req.url);
  const target = req.nextUrl.pathname + req.nextUrl.search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  // API routes answer for themselves (JSON 401, not a redirect); static assets and the public pages pass.
  matcher: ["/((?!api/|_next/|favicon\\.ico|login|setup|forbidden).*)"],
};
