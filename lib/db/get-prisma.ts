import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// One client per process. In development Next re-evaluates modules on every change, so the instance lives on
// globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { orbitPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return new PrismaClient({
    adapter,
    // Password and API key hashes never leave the data layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true }, apiKey: { hash: true } },
  });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.orbitPrisma ??= createClient();
  return globalForPrisma.orbitPrisma;
}

export type Db = ReturnType<typeof getPrisma>;
/** A transaction client or the root client: domain functions accept either so callers can compose them. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0] | Db;
