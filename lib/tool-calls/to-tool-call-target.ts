import type { Transport } from "@/lib/db/generated/client";
import { openHeaders } from "@/lib/servers/open-headers";
import type { ToolCallTarget } from "@/lib/tool-calls/tool-call-types";

/** A stored server (with its endpoints by position) as the tool-call path needs it: replicas, decrypted headers. */
export function toToolCallTarget(server: {
  id: string;
  slug: string;
  transport: Transport;
  headersEncrypted: string | null;
  timeoutMs: number;
  endpoints: { url: string; weight: number }[];
}): ToolCallTarget {
  return {
    serverId: server.id,
    slug: server.slug,
    replicas: server.endpoints.map((endpoint) => ({ url: endpoint.url, weight: endpoint.weight })),
    transport: server.transport,
    headers: openHeaders(server.headersEncrypted),
    timeoutMs: server.timeoutMs,
  };
}
