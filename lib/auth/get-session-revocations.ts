import { getRedis } from "@/lib/redis/get-redis";
import { createSessionRevocations, type SessionRevocations } from "./create-session-revocations";

const globalForRevocations = globalThis as typeof globalThis & {
  orbitSessionRevocations?: SessionRevocations;
};

/** The process-wide revocation list, on the shared Redis when there is one. */
export function getSessionRevocations(): SessionRevocations {
  globalForRevocations.orbitSessionRevocations ??= createSessionRevocations(getRedis());
  return globalForRevocations.orbitSessionRevocations;
}
