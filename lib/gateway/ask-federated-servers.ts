import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { log } from "@/lib/telemetry/log";
import type { FederatedServer } from "./load-federated-servers";
import { withServerClient } from "./with-server-client";

// An upstream that keeps handing out cursors must not keep a list request going forever.
const MAX_PAGES = 20;

/**
 * Asks every server the same question at once, for an aggregated list: a server that does not declare the
 * capability is not asked, and one that fails (down, slow, open circuit, an error answer) is skipped and logged,
 * never failing the whole list. Answers come back in the servers' order.
 */
export async function askFederatedServers<T>(options: {
  servers: FederatedServer[];
  capability: keyof ServerCapabilities;
  /** What is being listed, for the log line. */
  what: string;
  ask: (client: Client, request: { signal: AbortSignal; timeout: number }) => Promise<T>;
  signal?: AbortSignal;
}): Promise<{ server: FederatedServer; answer: T }[]> {
  const answered: { server: FederatedServer; answer: T }[] = [];
  // Pushed as they arrive, then put back in the servers' order.
  await Promise.all(
    options.servers.map(async (server) => {
      try {
        await withServerClient(
          server,
          async (client, request) => {
            if (!client.getServerCapabilities()?.[options.capability]) return;
            answered.push({ server, answer: await options.ask(client, request) });
          },
          options.signal,
        );
      } catch (error) {
        log.warn(`federated ${options.what}: skipped a server that did not answer`, {
          server: server.slug,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }),
  );
  return answered.sort((a, b) => options.servers.indexOf(a.server) - options.servers.indexOf(b.server));
}

/** Follows an upstream list's cursors, up to MAX_PAGES pages. */
export async function listAllPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const answer = await page(cursor);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}
