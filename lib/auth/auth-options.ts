import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { getClientIp } from "@/lib/http/get-client-ip";
import { authenticateUser } from "./authenticate-user";
import { getSessionRevocations } from "./get-session-revocations";

// Sessions are short-lived JWTs; the user row is re-read on every request (get-actor.ts), so a role change or a
// disabled account takes effect at once without a session store.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const user = await authenticateUser({
            email: credentials?.email,
            password: credentials?.password,
            ip: getClientIp(new Headers(req.headers as Record<string, string>)),
          });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // A session id that survives token refreshes, so signing out can revoke every copy of this session.
        if (user) Object.assign(token, { sub: user.id, sid: randomUUID() });
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub },
          sessionId: token.sid,
          expiresAt: token.exp,
        };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string" && typeof token.exp === "number") {
          await getSessionRevocations().revoke(token.sid, new Date(token.exp * 1000));
        }
      },
    },
  };
}
