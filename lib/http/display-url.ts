import { replicaOrigin } from "@/lib/tool-calls/replica-origin";

/** The URL as shown to people: no userinfo, query or fragment, which is where secrets hide in URLs. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "the server URL";
  }
}

/** Scheme, host and port, for messages; "the server" when the URL does not parse. */
export function displayOrigin(url: string): string {
  return replicaOrigin(url) ?? "the server";
}
