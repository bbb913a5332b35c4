import { consumeRateLimit, peekRateLimit } from "@/lib/resilience/check-rate-limit";

// Failed sign-ins are counted per account and per client address. An attacker spraying one password over many
// accounts hits the address limit; one guessing at a single account from many addresses hits the account limit.

/** Throws rate_limited (429 with Retry-After) when either budget is spent; counts nothing. */
export async function assertSignInAllowed({ email, ip }: { email: string; ip: string }): Promise<void> {
  await Promise.all([peekRateLimit("loginIp", ip), email ? peekRateLimit("loginAccount", email) : null]);
}

export async function recordSignInFailure({ email, ip }: { email: string; ip: string }): Promise<void> {
  await Promise.all([
    consumeRateLimit("loginIp", ip),
    email ? consumeRateLimit("loginAccount", email) : null,
  ]);
}
