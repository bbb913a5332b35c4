import { AppError } from "@/lib/errors/app-error";

/** `--header "Authorization: Bearer x"` → { name, value }; the value may itself contain colons. */
export function parseHeaderFlag(flag: string): { name: string; value: string } {
  const colon = flag.indexOf(":");
  if (colon <= 0) throw new AppError("bad_request", `--header must look like "Name: value", got "${flag}"`);
  return { name: flag.slice(0, colon).trim(), value: flag.slice(colon + 1).trim() };
}
