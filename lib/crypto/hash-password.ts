import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's baseline parameters (19 MiB, 2 passes). Algorithm 2 is argon2id in @node-rs/argon2.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same, so timing does not
// reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("orbit-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
