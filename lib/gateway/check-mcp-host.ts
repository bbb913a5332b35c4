import type { EffectiveConfig } from "@/lib/config/create-config-store";
import { AppError } from "@/lib/errors/app-error";

/**
 * DNS-rebinding protection for the MCP endpoints (the spec asks servers to validate Origin): a web page on another
 * site that resolves its own name to this machine must not reach the gateway from a victim's browser. The Host of
 * every request, and the Origin when a browser sends one, must name an allowed host: the hot configuration's list
 * (lib/config), whose default is ORBIT_ALLOWED_HOSTS, else loopback names plus the hosts of ORBIT_PUBLIC_URL and
 * ORBIT_HOST; `*` allows any.
 */
export function checkMcpHost(headers: Headers, requestUrl: string, config: EffectiveConfig): void {
  const allowed = config.allowedHosts;
  if (allowed.has("*")) return;
  const host = hostnameOf(headers.get("host") ?? new URL(requestUrl).host);
  if (!host || !allowed.has(host)) {
    throw new AppError(
      "forbidden",
      `Host "${host ?? ""}" is not allowed for MCP requests; add it to the allowed hosts (Settings, or ORBIT_ALLOWED_HOSTS).`,
    );
  }
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).hostname.replace(/^\[|\]$/g, "").toLowerCase();
    } catch {}
    if (!originHost || !allowed.has(originHost)) {
      throw new AppError(
        "forbidden",
        `Origin "${origin}" is not allowed for MCP requests; add its host to the allowed hosts (Settings, or ORBIT_ALLOWED_HOSTS).`,
      );
    }
  }
}

// "example.com:3000" → "example.com"; "[::1]:3000" → "::1".
function hostnameOf(host: string): string | null {
  const trimmed = host.trim().toLowerCase();
  if (!trimmed) return null;
  if (trimmed.startsWith("[")) return trimmed.slice(1, trimmed.indexOf("]"));
  const colon = trimmed.lastIndexOf(":");
  return colon > -1 && trimmed.indexOf(":") === colon ? trimmed.slice(0, colon) : trimmed;
}
