import { headers } from "next/headers";

/**
 * The origin the admin reached this page on, for showing absolute webhook URLs. Display only: nothing is trusted or
 * authorized on the strength of these headers.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
